import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '$lib/server/db/client';
import { readDocument } from '$lib/server/db/doc-log';
import { testDatabase } from '$lib/server/db/test-db';
import type { AppendUpdates, UpdateAppender } from '$lib/server/db/update-appender';
import { dayIn } from '$lib/domain/calendar';
import { Compactor } from './compactor';
import { UpdateLog } from './update-log';

let db: Database;
let append: AppendUpdates;
let cleanup: () => void;

beforeEach(async () => {
	let appender: UpdateAppender;
	({ db, appender, cleanup } = await testDatabase({ doetank: 'd' }));
	append = appender.append;
});
afterEach(() => cleanup());

/** A writer whose every edit appends one character and goes through the log, like a client would. */
function writer(log: UpdateLog) {
	const doc = new Y.Doc();
	const pending: Promise<number>[] = [];
	doc.on('update', (u: Uint8Array) => pending.push(new Promise((durable) => log.append('d', u, 'ann', durable))));
	return {
		type: (chars: string) => {
			for (const c of chars) doc.getText('t').insert(doc.getText('t').length, c);
		},
		settled: () => Promise.all(pending),
		doc,
		text: () => doc.getText('t').toString()
	};
}

async function storedText(): Promise<string> {
	const stored = await readDocument(db, 'd');
	const doc = new Y.Doc();
	for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
	return doc.getText('t').toString();
}

const count = async (table: string) => Number((await db.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

function setup(maxUpdates: number, maxBytes = 1 << 20) {
	const compactions: number[] = [];
	const compactor = new Compactor(db, {
		maxUpdates,
		maxBytes,
		timeZone: 'Europe/Amsterdam',
		onCompacted: (_d, n) => compactions.push(n)
	});
	const log = new UpdateLog(append, { onCommit: (updates) => compactor.noteCommitted(updates) });
	return { compactor, log, compactions };
}

describe('Compactor', () => {
	it('folds the log into a snapshot once it passes the count bound; loading gives the same text', async () => {
		const { compactor, log, compactions } = setup(10);
		const w = writer(log);
		for (let round = 0; round < 5; round++) {
			w.type('abcde');
			await w.settled();
			await new Promise((r) => setImmediate(r));
		}
		await compactor.idle();
		expect(compactions.length).toBeGreaterThan(0);
		// Exactly the updates after the snapshot are left (25 were written); how many that is depends
		// on the document's random spread of the bound (10 to 15 updates).
		const snapshotSeq = Number((await db.execute('SELECT seq FROM doc_snapshots')).rows[0]!.seq);
		expect(snapshotSeq).toBeGreaterThanOrEqual(10);
		expect(await count('doc_updates')).toBe(25 - snapshotSeq);
		expect(await count('doc_snapshots')).toBe(1);
		expect(await count('doc_checkpoints')).toBe(1);
		expect(await storedText()).toBe(w.text());
		expect(w.text()).toHaveLength(25);
	});

	it('passes the size bound too', async () => {
		const { compactor, log, compactions } = setup(10_000, 200);
		const w = writer(log);
		w.type('x'.repeat(30));
		await w.settled();
		w.type('y');
		await w.settled();
		await compactor.idle();
		expect(compactions.length).toBeGreaterThan(0);
		expect(await storedText()).toBe(w.text());
	});

	it('loses nothing written while a compaction runs', async () => {
		const { compactor, log } = setup(1_000_000);
		const w = writer(log);
		w.type('0123456789');
		await w.settled();
		const compaction = compactor.compact('d');
		w.type('abcdefghij');
		await Promise.all([compaction, w.settled()]);
		await compactor.compact('d');
		w.type('!');
		await w.settled();
		expect(await storedText()).toBe('0123456789abcdefghij!');
		expect((await readDocument(db, 'd')).lastSeq).toBe(21);
	});

	it('compacts from the loaded document when the whole log is from today, keeping today’s contributors', async () => {
		const log = new UpdateLog(append);
		const w = writer(log);
		w.type('vandaag');
		const seqs = await w.settled();
		const compactor = new Compactor(db, {
			maxUpdates: 1_000_000,
			maxBytes: 1 << 30,
			timeZone: 'Europe/Amsterdam',
			loaded: () => ({ doc: w.doc, appliedSeq: Math.max(...seqs) })
		});
		expect(await compactor.compact('d')).toBe(7);
		expect(await count('doc_updates')).toBe(0);
		expect(await storedText()).toBe('vandaag');
		const { rows } = await db.execute('SELECT day, contributors, seq FROM doc_checkpoints');
		expect(rows.map((r) => [r.day, JSON.parse(String(r.contributors)), Number(r.seq)])).toEqual([
			[dayIn(Date.now()), ['ann'], 7]
		]);
	});

	it('replays the log instead when it spans midnight, so every day keeps its own checkpoint', async () => {
		const log = new UpdateLog(append);
		const w = writer(log);
		w.type('gisteren');
		const seqs = await w.settled();
		await db.execute({ sql: 'UPDATE doc_updates SET created_at = ? WHERE seq <= 4', args: [Date.now() - 86_400_000] });
		const compactor = new Compactor(db, {
			maxUpdates: 1_000_000,
			maxBytes: 1 << 30,
			timeZone: 'Europe/Amsterdam',
			loaded: () => ({ doc: w.doc, appliedSeq: Math.max(...seqs) })
		});
		expect(await compactor.compact('d')).toBe(8);
		const { rows } = await db.execute('SELECT day, seq FROM doc_checkpoints ORDER BY day');
		expect(rows.map((r) => [r.day, Number(r.seq)])).toEqual([
			[dayIn(Date.now() - 86_400_000), 4],
			[dayIn(Date.now()), 8]
		]);
		expect(await storedText()).toBe('gisteren');
	});

	it('folds a long log left by an earlier process in parts of at most twice the bound, when the document is loaded', async () => {
		// 55 updates and no compactor counting them, as after a process that stopped before it compacted.
		const w = writer(new UpdateLog(append));
		w.type('x'.repeat(55));
		await w.settled();
		const parts: number[] = [];
		const compactor = new Compactor(db, {
			maxUpdates: 10,
			maxBytes: 1 << 30,
			timeZone: 'Europe/Amsterdam',
			onCompacted: (_d, n) => parts.push(n)
		});
		compactor.noteLoaded('d', 9);
		await compactor.idle();
		expect(parts).toEqual([]);
		compactor.noteLoaded('d', 55);
		await compactor.idle();
		expect(parts).toEqual([20, 20, 15]);
		expect(await count('doc_updates')).toBe(0);
		expect((await readDocument(db, 'd')).updates).toHaveLength(0);
		expect(await storedText()).toBe(w.text());
	});

	it('reports a failed compaction and leaves the log as it was', async () => {
		const errors: unknown[] = [];
		const compactor = new Compactor(db, {
			maxUpdates: 1,
			maxBytes: 1,
			timeZone: 'Europe/Amsterdam',
			onError: (_d, e) => errors.push(e)
		});
		const log = new UpdateLog(append);
		const w = writer(log);
		w.type('abc');
		await w.settled();
		await db.execute('ALTER TABLE doc_checkpoints RENAME TO away');
		expect(await compactor.compact('d')).toBe(0);
		expect(errors).toHaveLength(1);
		expect(await count('doc_updates')).toBe(3);
		expect(await storedText()).toBe('abc');
	});
});

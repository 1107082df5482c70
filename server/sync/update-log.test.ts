import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '$lib/server/db/client';
import { readDocument } from '$lib/server/db/doc-log';
import { testDatabase } from '$lib/server/db/test-db';
import type { AppendUpdates, UpdateAppender } from '$lib/server/db/update-appender';
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

/** Appends and resolves once the log reports the update durable. */
const appended = (log: UpdateLog, update: Uint8Array, userId: string | null) =>
	new Promise<number>((durable) => log.append('d', update, userId, durable));

function edits(count: number): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	for (let i = 0; i < count; i++) doc.getText('t').insert(0, String(i % 10));
	return updates;
}

describe('UpdateLog', () => {
	it('writes everything appended in one tick as one batch, in order', async () => {
		const batches: number[] = [];
		const log = new UpdateLog(append, { onCommit: (updates) => batches.push(updates.length) });
		const updates = edits(50);
		await Promise.all(updates.map((u) => appended(log, u, null)));
		expect(batches).toEqual([50]);
		const stored = await readDocument(db, 'd');
		expect(stored.lastSeq).toBe(50);
		const doc = new Y.Doc();
		for (const u of stored.updates) Y.applyUpdate(doc, u);
		expect(doc.getText('t').length).toBe(50);
	});

	it('continues the sequence of a document loaded from the database', async () => {
		const log = new UpdateLog(append);
		await Promise.all(edits(3).map((u) => appended(log, u, 'u1')));
		const fresh = new UpdateLog(append);
		fresh.startAt('d', (await readDocument(db, 'd')).lastSeq);
		await appended(fresh, edits(1)[0]!, 'u2');
		expect((await readDocument(db, 'd')).lastSeq).toBe(4);
	});

	it('keeps a batch the database refused and writes it once the database is back', async () => {
		const errors: number[] = [];
		const log = new UpdateLog(append, { onError: (_e, attempt) => errors.push(attempt), retryMs: 5 });
		await db.execute('ALTER TABLE doc_updates RENAME TO doc_updates_away');
		let durable = false;
		const write = appended(log, edits(1)[0]!, null).then(() => (durable = true));
		await new Promise((r) => setTimeout(r, 60));
		expect(durable).toBe(false);
		expect(errors.length).toBeGreaterThan(0);
		await db.execute('ALTER TABLE doc_updates_away RENAME TO doc_updates');
		await write;
		expect((await readDocument(db, 'd')).updates).toHaveLength(1);
	});

	it('tells every caller of a batch in order, even when one of them throws', async () => {
		const failures: unknown[] = [];
		const log = new UpdateLog(append, { onCallbackError: (error) => failures.push(error) });
		const heard: number[] = [];
		const [first, second, third] = edits(3);
		log.append('d', first!, null, (seq) => heard.push(seq));
		log.append('d', second!, null, () => {
			throw new Error('caller bug');
		});
		await appended(log, third!, null).then((seq) => heard.push(seq));
		expect(heard).toEqual([1, 3]);
		expect(failures).toEqual([new Error('caller bug')]);
		expect((await readDocument(db, 'd')).lastSeq).toBe(3);
	});
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db/client';
import { readDocument } from '../../src/lib/server/db/doc-log';
import { testDatabase } from '../../src/lib/server/db/test-db';
import { UpdateLog } from './update-log';

let db: Database;
let cleanup: () => void;

beforeEach(async () => {
	({ db, cleanup } = await testDatabase({ doetank: 'd' }));
});
afterEach(() => cleanup());

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
		const log = new UpdateLog(db, { onCommit: (updates) => batches.push(updates.length) });
		const updates = edits(50);
		await Promise.all(updates.map((u) => log.append('d', u, null)));
		expect(batches).toEqual([50]);
		const stored = await readDocument(db, 'd');
		expect(stored.lastSeq).toBe(50);
		const doc = new Y.Doc();
		for (const u of stored.updates) Y.applyUpdate(doc, u);
		expect(doc.getText('t').length).toBe(50);
	});

	it('continues the sequence of a document loaded from the database', async () => {
		const log = new UpdateLog(db);
		await Promise.all(edits(3).map((u) => log.append('d', u, 'u1')));
		const fresh = new UpdateLog(db);
		fresh.startAt('d', (await readDocument(db, 'd')).lastSeq);
		await fresh.append('d', edits(1)[0]!, 'u2');
		expect((await readDocument(db, 'd')).lastSeq).toBe(4);
	});

	it('keeps a batch the database refused and writes it once the database is back', async () => {
		const errors: number[] = [];
		const log = new UpdateLog(db, { onError: (_e, attempt) => errors.push(attempt), retryMs: 5 });
		await db.execute('ALTER TABLE doc_updates RENAME TO doc_updates_away');
		let durable = false;
		const write = log.append('d', edits(1)[0]!, null).then(() => (durable = true));
		await new Promise((r) => setTimeout(r, 60));
		expect(durable).toBe(false);
		expect(errors.length).toBeGreaterThan(0);
		await db.execute('ALTER TABLE doc_updates_away RENAME TO doc_updates');
		await write;
		expect((await readDocument(db, 'd')).updates).toHaveLength(1);
	});
});

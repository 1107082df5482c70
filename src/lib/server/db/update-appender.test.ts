import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { openUpdateAppender } from './update-appender';
import { readDocument, type LoggedUpdate } from './doc-log';
import { migrate } from './migrate';
import { testDatabase } from './test-db';

let cleanup = () => {};
afterEach(() => cleanup());

const row = (seq: number, byte = seq): LoggedUpdate => ({
	doetankId: 'd',
	seq,
	update: new Uint8Array([byte, 1, 2]),
	userId: 'ann',
	at: seq
});

describe('openUpdateAppender', () => {
	it('stores one row and a batch, read back through the shared client', async () => {
		const t = await testDatabase({ doetank: 'd' });
		cleanup = t.cleanup;
		await t.appender.append([row(1)]);
		await t.appender.append([row(2), row(3)]);
		const stored = await readDocument(t.db, 'd');
		expect(stored.lastSeq).toBe(3);
		expect(stored.updates.map((u) => [...u])).toEqual([
			[1, 1, 2],
			[2, 1, 2],
			[3, 1, 2]
		]);
	});

	it('stores only the bytes of a view into a larger buffer', async () => {
		const t = await testDatabase({ doetank: 'd' });
		cleanup = t.cleanup;
		const frame = new Uint8Array([9, 9, 5, 6, 7, 9]);
		await t.appender.append([{ ...row(1), update: frame.subarray(2, 5) }]);
		expect((await readDocument(t.db, 'd')).updates.map((u) => [...u])).toEqual([[5, 6, 7]]);
	});

	it('writes a failing batch not at all, and keeps working after it', async () => {
		const t = await testDatabase({ doetank: 'd' });
		cleanup = t.cleanup;
		await t.appender.append([row(1)]);
		// seq 1 exists: the batch fails on its second row, and its first row must not stay behind.
		expect(() => t.appender.append([row(2), row(1, 99)])).toThrow();
		expect((await readDocument(t.db, 'd')).lastSeq).toBe(1);
		await t.appender.append([row(2), row(3)]);
		expect((await readDocument(t.db, 'd')).lastSeq).toBe(3);
	});

	it('lets the database number the updates when several instances write one log (allocateSeq)', async () => {
		const t = await testDatabase({ doetank: 'd' });
		const url = `file:${t.dir}/test.db`;
		// Two instances, each with its own connection to the same file, and no idea of each other's numbers.
		const [a, b] = [
			openUpdateAppender(t.db, url, { allocateSeq: true }),
			openUpdateAppender(t.db, url, { allocateSeq: true })
		];
		cleanup = () => {
			a.close();
			b.close();
			t.cleanup();
		};
		const first = [row(0, 1), row(0, 2)];
		a.append(first);
		const second = row(0, 3);
		b.append([second]);
		expect([...first.map((u) => u.seq), second.seq]).toEqual([1, 2, 3]);
		// After a compaction folded the whole log into the snapshot, numbering goes on after it.
		await t.db.batch([
			"INSERT INTO doc_snapshots (doetank_id, state, seq, updated_at) VALUES ('d', x'00', 3, 0)",
			"DELETE FROM doc_updates WHERE doetank_id = 'd'"
		]);
		const after = row(0, 4);
		a.append([after]);
		expect(after.seq).toBe(4);
		// The shared client (a libSQL server by URL) numbers the same way.
		const shared = openUpdateAppender(t.db, 'libsql://example.invalid', { allocateSeq: true });
		const remote = [row(0, 5), row(0, 6)];
		await shared.append(remote);
		expect(remote.map((u) => u.seq)).toEqual([5, 6]);
	});

	it('goes through the shared client for an in-memory database', async () => {
		const db = await openDatabase('file::memory:');
		const appender = openUpdateAppender(db, 'file::memory:');
		cleanup = () => {
			appender.close();
			db.close();
		};
		await migrate(db);
		await db.execute(
			"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('d', 'T', 'o', 'b', 0)"
		);
		await appender.append([row(1), row(2)]);
		expect((await readDocument(db, 'd')).lastSeq).toBe(2);
	});
});

import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type CheckpointResult } from './checkpointer';
import { testDatabase } from './test-db';
import { openUpdateAppender } from './update-appender';

const PAGE = 4096;
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
	for (const c of cleanups.splice(0).reverse()) await c();
});

/** A database whose connections never checkpoint in a commit, and the log appender on it. */
async function quietDatabase() {
	const t = await testDatabase({ doetank: 'd1' });
	cleanups.push(() => t.cleanup());
	const url = `file:${t.dir}/test.db`;
	await t.db.execute('PRAGMA wal_autocheckpoint = 0');
	const appender = openUpdateAppender(t.db, url, { backgroundCheckpoints: true });
	cleanups.push(() => appender.close());
	let seq = 0;
	const commit = (n: number) => {
		for (let i = 0; i < n; i++) {
			// One commit per update, as the server does under light load: a page or more of WAL each.
			void appender.append([
				{ doetankId: 'd1', seq: ++seq, update: new Uint8Array(300).fill(i % 256), userId: null, at: 0 }
			]);
		}
	};
	const walBytes = () => statSync(`${t.dir}/test.db-wal`).size;
	return { path: `${t.dir}/test.db`, db: t.db, commit, walBytes };
}

describe('WAL checkpoints in a worker thread', () => {
	it('without a checkpointer, commits no longer checkpoint: the WAL grows past SQLite’s 1,000 pages', async () => {
		const q = await quietDatabase();
		q.commit(1500);
		expect(q.walBytes()).toBeGreaterThan(1500 * PAGE);
	});

	it('the worker copies the whole WAL into the file, and the next commit starts the WAL afresh', async () => {
		const q = await quietDatabase();
		const results: CheckpointResult[] = [];
		const checkpointer = startCheckpointer(q.path, { intervalMs: 20, onCheckpoint: (r) => results.push(r) });
		cleanups.push(() => checkpointer.stop());
		const complete = async (after: number) => {
			for (let i = 0; i < 200; i++) {
				const done = results.slice(after).find((r) => r.log > 0 && r.checkpointed === r.log && r.busy === 0);
				if (done) return done;
				await new Promise((r) => setTimeout(r, 10));
			}
			throw new Error(`no complete checkpoint in ${JSON.stringify(results.slice(after))}`);
		};
		q.commit(300);
		const full = await complete(0);
		q.commit(5);
		const next = await complete(results.length);
		// The WAL was rewound: it holds the five new commits only, not the 300 before them as well.
		expect(next.log).toBeLessThan(full.log / 10);
		const { rows } = await q.db.execute("SELECT count(*) AS n FROM doc_updates WHERE doetank_id = 'd1'");
		expect(Number(rows[0]!.n)).toBe(305);
	});

	it('stops with a last checkpoint and reports a database it cannot open', async () => {
		const q = await quietDatabase();
		const results: CheckpointResult[] = [];
		const checkpointer = startCheckpointer(q.path, { intervalMs: 60_000, onCheckpoint: (r) => results.push(r) });
		q.commit(50);
		await checkpointer.stop();
		expect(results).toHaveLength(1);
		expect(results[0]!.checkpointed).toBe(results[0]!.log);
		expect(results[0]!.log).toBeGreaterThan(0);

		const errors: string[] = [];
		const broken = startCheckpointer('/nonexistent-folder/x.db', { intervalMs: 10, onError: (e) => errors.push(e) });
		await broken.stop();
		expect(errors.join('\n')).toMatch(/unable to open|SQLITE_CANTOPEN/i);
	});
});

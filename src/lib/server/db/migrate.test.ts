import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { findMigrationsDir, migrate } from './migrate';
import { testDatabase } from './test-db';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migrate', () => {
	it('applies each migration once and records it', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		expect(await migrate(t.db)).toEqual([]);
		const { rows } = await t.db.execute('SELECT name FROM schema_migrations');
		expect(rows.map((r) => r.name)).toContain('0001_accounts_and_doetanks.sql');
	});

	it('turns on WAL and foreign keys for a file database', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		expect((await t.db.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal');
		expect((await t.db.execute('PRAGMA foreign_keys')).rows[0]?.foreign_keys).toBe(1);
	});

	it('rolls a failing migration back completely and names it', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		const dir = join(t.dir, 'migrations');
		mkdirSync(dir);
		writeFileSync(join(dir, '0001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
		writeFileSync(join(dir, '0002_bad.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
		const db = await openDatabase(`file:${join(t.dir, 'other.db')}`);
		await expect(migrate(db, dir)).rejects.toThrow(/0002_bad\.sql/);
		const tables = (await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => r.name);
		expect(tables).toContain('a');
		expect(tables).not.toContain('b');
		db.close();
	});

	it('moves the update log into a table without rowid and keeps every logged update', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		const all = findMigrationsDir();
		const before = join(t.dir, 'before');
		mkdirSync(before);
		for (const f of readdirSync(all).filter((f) => f < '0010')) copyFileSync(join(all, f), join(before, f));
		const db = await openDatabase(`file:${join(t.dir, 'old.db')}`);
		await migrate(db, before);
		await db.execute(
			"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('d', 'T', 'o', 'b', 0)"
		);
		for (const seq of [1, 2, 3]) {
			await db.execute({
				sql: 'INSERT INTO doc_updates VALUES (?, ?, ?, ?, ?)',
				args: ['d', seq, new Uint8Array([seq, 7]), 'ann', seq * 10]
			});
		}
		expect(await migrate(db, all)).toContain('0010_doc_updates_without_rowid.sql');
		const sql = (await db.execute("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'")).rows[0]?.sql;
		expect(String(sql)).toMatch(/WITHOUT ROWID$/);
		const rows = (await db.execute('SELECT seq, update_data, user_id, created_at FROM doc_updates ORDER BY seq')).rows;
		expect(
			rows.map((r) => [r.seq, [...new Uint8Array(r.update_data as ArrayBuffer)], r.user_id, r.created_at])
		).toEqual([
			[1, [1, 7], 'ann', 10],
			[2, [2, 7], 'ann', 20],
			[3, [3, 7], 'ann', 30]
		]);
		await db.execute("DELETE FROM doetanks WHERE id = 'd'");
		expect((await db.execute('SELECT count(*) AS n FROM doc_updates')).rows[0]?.n).toBe(0);
		db.close();
	});

	it('stores documents that are not a Doetank (the network) and still drops the documents of a deleted Doetank', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		const { db } = t;
		await db.execute(
			"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, created_at) VALUES ('d', 'T', 'o', 'b', 0)"
		);
		for (const id of ['d', '~network']) {
			await db.execute({ sql: 'INSERT INTO doc_updates VALUES (?, 1, ?, NULL, 0)', args: [id, new Uint8Array([1])] });
			await db.execute({ sql: 'INSERT INTO doc_snapshots VALUES (?, ?, 1, 0)', args: [id, new Uint8Array([1])] });
			await db.execute({
				sql: "INSERT INTO doc_checkpoints VALUES (?, '2025-01-01', ?, 1, '[]', 0)",
				args: [id, new Uint8Array([1])]
			});
		}
		const sql = (await db.execute("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'")).rows[0]?.sql;
		expect(String(sql)).toMatch(/WITHOUT ROWID$/);
		await db.execute("DELETE FROM doetanks WHERE id = 'd'");
		for (const table of ['doc_updates', 'doc_snapshots', 'doc_checkpoints']) {
			const ids = (await db.execute(`SELECT doetank_id FROM ${table}`)).rows.map((r) => r.doetank_id);
			expect(ids, table).toEqual(['~network']);
		}
	});
});

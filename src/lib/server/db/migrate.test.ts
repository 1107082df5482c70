import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrate } from './migrate';
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
});

import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLucia } from '../auth/lucia';
import { openDatabase } from './client';
import { findMigrationsDir, migrate } from './migrate';
import { sessionHandle } from './sessions';
import { testDatabase } from './test-db';

let cleanup = () => {};
afterEach(() => cleanup());

const USER = "INSERT INTO users (id, email, name, password_hash, is_demo, created_at) VALUES (?, ?, 'N', 'x', ?, 0)";

describe('session storage', () => {
	it('stores only the SHA-256 of the token; lucia still validates, refreshes and ends it by token', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		await t.db.execute({ sql: USER, args: ['u1', 'a@example.test', 0] });
		const lucia = createLucia(t.db, false);
		const session = await lucia.createSession('u1', { createdAt: 1, userAgent: 'ua', ip: '1.2.3.4' });
		const ids = (await t.db.execute('SELECT id FROM sessions')).rows.map((r) => String(r.id));
		expect(ids).toEqual([sessionHandle(session.id)]);
		expect(ids).not.toContain(session.id);

		const { session: valid, user } = await lucia.validateSession(session.id);
		expect(valid?.id).toBe(session.id);
		expect(user?.id).toBe('u1');
		expect((await lucia.validateSession(sessionHandle(session.id))).session).toBeNull();
		expect((await lucia.getUserSessions('u1')).map((s) => s.id)).toEqual([sessionHandle(session.id)]);

		await lucia.invalidateSession(session.id);
		expect((await t.db.execute('SELECT count(*) AS n FROM sessions')).rows[0]?.n).toBe(0);
	});

	it('does not accept a demo account’s session while the demo is off', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		await t.db.execute({ sql: USER, args: ['d1', 'demo@example.test', 1] });
		const session = await createLucia(t.db, false).createSession('d1', { createdAt: 1, userAgent: '', ip: '' });
		expect((await createLucia(t.db, false, true).validateSession(session.id)).user?.id).toBe('d1');
		expect((await createLucia(t.db, false, false).validateSession(session.id)).session).toBeNull();
	});

	it('migration 0011 ends the sessions stored with raw tokens, once', async () => {
		const t = await testDatabase();
		cleanup = t.cleanup;
		const all = findMigrationsDir();
		const dir = join(t.dir, 'partial');
		mkdirSync(dir);
		const db = await openDatabase(`file:${join(t.dir, 'old.db')}`);
		const copy = (filter: (f: string) => boolean) => {
			for (const f of readdirSync(all).filter(filter)) copyFileSync(join(all, f), join(dir, f));
		};
		copy((f) => f < '0011');
		await migrate(db, dir);
		await db.execute({ sql: USER, args: ['u1', 'a@example.test', 0] });
		await db.execute("INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES ('raw-token', 'u1', 9e15, 0)");
		copy(() => true);
		expect(await migrate(db, dir)).toContain('0011_hashed_session_tokens.sql');
		expect((await db.execute('SELECT count(*) AS n FROM sessions')).rows[0]?.n).toBe(0);
		await db.execute("INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES ('later', 'u1', 9e15, 0)");
		expect(await migrate(db, dir)).toEqual([]);
		expect((await db.execute('SELECT count(*) AS n FROM sessions')).rows[0]?.n).toBe(1);
		db.close();
	});
});

import type { NetworkRole } from '$lib/domain/roles';
import type { InStatement } from '@libsql/client';
import type { Database } from './client';

export interface UserRow {
	id: string;
	email: string;
	name: string;
	networkRole: NetworkRole;
	isDemo: boolean;
}

const COLUMNS = 'id, email, name, network_role, is_demo';

function toUser(row: Record<string, unknown>): UserRow {
	return {
		id: String(row.id),
		email: String(row.email),
		name: String(row.name),
		networkRole: row.network_role as NetworkRole,
		isDemo: Number(row.is_demo) === 1
	};
}

export function insertUserStatement(user: UserRow & { passwordHash: string }): InStatement {
	return {
		sql: `INSERT INTO users (id, email, name, password_hash, network_role, is_demo, created_at)
		      VALUES (?, ?, ?, ?, ?, ?, ?)`,
		args: [user.id, user.email, user.name, user.passwordHash, user.networkRole, user.isDemo ? 1 : 0, Date.now()]
	};
}

export async function insertUser(db: Database, user: UserRow & { passwordHash: string }): Promise<void> {
	await db.execute(insertUserStatement(user));
}

export async function listUsers(db: Database): Promise<UserRow[]> {
	const { rows } = await db.execute(`SELECT ${COLUMNS} FROM users ORDER BY name COLLATE NOCASE`);
	return rows.map(toUser);
}

export async function setNetworkRole(db: Database, id: string, role: NetworkRole): Promise<void> {
	await db.execute({ sql: 'UPDATE users SET network_role = ? WHERE id = ?', args: [role, id] });
}

/** The ids of every network admin. */
export async function listAdminIds(db: Database): Promise<string[]> {
	const { rows } = await db.execute("SELECT id FROM users WHERE network_role = 'admin' ORDER BY id");
	return rows.map((r) => String(r.id));
}

export async function countAdmins(db: Database): Promise<number> {
	const { rows } = await db.execute("SELECT count(*) AS n FROM users WHERE network_role = 'admin'");
	return Number(rows[0]?.n ?? 0);
}

export async function findUserById(db: Database, id: string): Promise<UserRow | null> {
	const { rows } = await db.execute({ sql: `SELECT ${COLUMNS} FROM users WHERE id = ?`, args: [id] });
	return rows[0] ? toUser(rows[0]) : null;
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | null> {
	const { rows } = await db.execute({ sql: `SELECT ${COLUMNS} FROM users WHERE email = ?`, args: [email] });
	return rows[0] ? toUser(rows[0]) : null;
}

export async function findPasswordHash(db: Database, id: string): Promise<string | null> {
	const { rows } = await db.execute({ sql: 'SELECT password_hash FROM users WHERE id = ?', args: [id] });
	return rows[0] ? String(rows[0].password_hash) : null;
}

export async function updatePasswordHash(db: Database, id: string, hash: string): Promise<void> {
	await db.execute({ sql: 'UPDATE users SET password_hash = ? WHERE id = ?', args: [hash, id] });
}

export async function countUsers(db: Database): Promise<number> {
	const { rows } = await db.execute('SELECT count(*) AS n FROM users');
	return Number(rows[0]?.n ?? 0);
}

export async function listDemoUsers(db: Database): Promise<UserRow[]> {
	const { rows } = await db.execute(`SELECT ${COLUMNS} FROM users WHERE is_demo = 1 ORDER BY created_at, email`);
	return rows.map(toUser);
}

/** Names of the given users (for contributor lists; users that no longer exist are left out). */
export async function userNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const { rows } = await db.execute({
		sql: `SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(', ')})`,
		args: [...ids]
	});
	return new Map(rows.map((r) => [String(r.id), String(r.name)]));
}

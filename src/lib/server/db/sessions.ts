import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import { readCatchingUp, type Database } from './client';

/** Extra columns kept with each session so users can recognise their devices. */
export interface SessionAttributes {
	createdAt: number;
	userAgent: string;
	ip: string;
}

export interface SessionUserAttributes {
	email: string;
	name: string;
	networkRole: string;
}

/**
 * What the database keeps instead of the session token (the cookie value): its SHA-256 in hex.
 * A copy of the table (a backup, a leaked dump) then holds no usable cookie. The hash doubles as
 * the opaque handle the sessions list shows; knowing it does not let anyone sign in.
 */
export function sessionHandle(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function toSession(row: Record<string, unknown>, id: string): DatabaseSession {
	return {
		id,
		userId: String(row.user_id),
		expiresAt: new Date(Number(row.expires_at)),
		attributes: {
			createdAt: Number(row.created_at),
			userAgent: String(row.user_agent),
			ip: String(row.ip)
		} satisfies SessionAttributes
	};
}

/**
 * Lucia v3 adapter over @libsql/client (the published one pins an older client). Lucia hands it
 * the token; the `id` column holds only the token's hash (see `sessionHandle`). Sessions of
 * demo accounts are not found while the demo is switched off (`allowDemo` false).
 */
export class LibsqlSessionAdapter implements Adapter {
	constructor(
		private readonly db: Database,
		private readonly allowDemo = true
	) {}

	async getSessionAndUser(token: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
		const read = () =>
			this.db.execute({
				sql: `SELECT s.user_id, s.expires_at, s.created_at, s.user_agent, s.ip, u.email, u.name, u.network_role
				      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ? AND (u.is_demo = 0 OR ?)`,
				args: [sessionHandle(token), this.allowDemo ? 1 : 0]
			});
		// An embedded replica may not have pulled a session another instance just made (signed in there).
		const { rows } = await readCatchingUp(this.db, read, (result) => result.rows.length > 0);
		const row = rows[0];
		if (!row) return [null, null];
		const attributes: SessionUserAttributes = {
			email: String(row.email),
			name: String(row.name),
			networkRole: String(row.network_role)
		};
		// Lucia compares and re-issues the cookie with this id, so it is the token the caller gave.
		return [toSession(row, token), { id: String(row.user_id), attributes }];
	}

	/** The user's sessions; their `id` is the handle (the hash), never a token. */
	async getUserSessions(userId: string): Promise<DatabaseSession[]> {
		const { rows } = await this.db.execute({
			sql: 'SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at DESC',
			args: [userId]
		});
		return rows.map((row) => toSession(row, String(row.id)));
	}

	async setSession(session: DatabaseSession): Promise<void> {
		const attrs = session.attributes as Partial<SessionAttributes>;
		await this.db.execute({
			sql: 'INSERT INTO sessions (id, user_id, expires_at, created_at, user_agent, ip) VALUES (?, ?, ?, ?, ?, ?)',
			args: [
				sessionHandle(session.id),
				session.userId,
				session.expiresAt.getTime(),
				attrs.createdAt ?? Date.now(),
				attrs.userAgent ?? '',
				attrs.ip ?? ''
			]
		});
	}

	async updateSessionExpiration(token: string, expiresAt: Date): Promise<void> {
		await this.db.execute({
			sql: 'UPDATE sessions SET expires_at = ? WHERE id = ?',
			args: [expiresAt.getTime(), sessionHandle(token)]
		});
	}

	async deleteSession(token: string): Promise<void> {
		await deleteSessionByHandle(this.db, sessionHandle(token));
	}

	async deleteUserSessions(userId: string): Promise<void> {
		await this.db.execute({ sql: 'DELETE FROM sessions WHERE user_id = ?', args: [userId] });
	}

	async deleteExpiredSessions(): Promise<void> {
		await this.db.execute({ sql: 'DELETE FROM sessions WHERE expires_at <= ?', args: [Date.now()] });
	}
}

/** Ends one session by its handle (from the sessions list). */
export async function deleteSessionByHandle(db: Database, handle: string, userId?: string): Promise<boolean> {
	const result = await db.execute(
		userId === undefined
			? { sql: 'DELETE FROM sessions WHERE id = ?', args: [handle] }
			: { sql: 'DELETE FROM sessions WHERE id = ? AND user_id = ?', args: [handle, userId] }
	);
	return result.rowsAffected > 0;
}

/** Ends every session of the demo accounts (when the demo is switched off). */
export async function deleteDemoSessions(db: Database): Promise<number> {
	const result = await db.execute('DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE is_demo = 1)');
	return result.rowsAffected;
}

import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Database } from './client';

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

function toSession(row: Record<string, unknown>): DatabaseSession {
	return {
		id: String(row.id),
		userId: String(row.user_id),
		expiresAt: new Date(Number(row.expires_at)),
		attributes: {
			createdAt: Number(row.created_at),
			userAgent: String(row.user_agent),
			ip: String(row.ip)
		} satisfies SessionAttributes
	};
}

/** Lucia v3 adapter over @libsql/client (the published one pins an older client). */
export class LibsqlSessionAdapter implements Adapter {
	constructor(private readonly db: Database) {}

	async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
		const { rows } = await this.db.execute({
			sql: `SELECT s.id, s.user_id, s.expires_at, s.created_at, s.user_agent, s.ip,
			             u.email, u.name, u.network_role
			      FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
			args: [sessionId]
		});
		const row = rows[0];
		if (!row) return [null, null];
		const attributes: SessionUserAttributes = {
			email: String(row.email),
			name: String(row.name),
			networkRole: String(row.network_role)
		};
		return [toSession(row), { id: String(row.user_id), attributes }];
	}

	async getUserSessions(userId: string): Promise<DatabaseSession[]> {
		const { rows } = await this.db.execute({
			sql: 'SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at DESC',
			args: [userId]
		});
		return rows.map(toSession);
	}

	async setSession(session: DatabaseSession): Promise<void> {
		const attrs = session.attributes as Partial<SessionAttributes>;
		await this.db.execute({
			sql: 'INSERT INTO sessions (id, user_id, expires_at, created_at, user_agent, ip) VALUES (?, ?, ?, ?, ?, ?)',
			args: [
				session.id,
				session.userId,
				session.expiresAt.getTime(),
				attrs.createdAt ?? Date.now(),
				attrs.userAgent ?? '',
				attrs.ip ?? ''
			]
		});
	}

	async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
		await this.db.execute({
			sql: 'UPDATE sessions SET expires_at = ? WHERE id = ?',
			args: [expiresAt.getTime(), sessionId]
		});
	}

	async deleteSession(sessionId: string): Promise<void> {
		await this.db.execute({ sql: 'DELETE FROM sessions WHERE id = ?', args: [sessionId] });
	}

	async deleteUserSessions(userId: string): Promise<void> {
		await this.db.execute({ sql: 'DELETE FROM sessions WHERE user_id = ?', args: [userId] });
	}

	async deleteExpiredSessions(): Promise<void> {
		await this.db.execute({ sql: 'DELETE FROM sessions WHERE expires_at <= ?', args: [Date.now()] });
	}
}

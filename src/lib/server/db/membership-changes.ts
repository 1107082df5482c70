import type { DoetankRole } from '$lib/domain/roles';
import type { InStatement, InValue } from '@libsql/client';
import type { Database } from './client';

export type MembershipChange = 'added' | 'roles_changed' | 'removed';

export interface MembershipChangeRow {
	change: MembershipChange;
	/** Null once the account is gone. */
	member: { id: string; name: string } | null;
	actor: { id: string; name: string } | null;
	roles: DoetankRole[];
	at: number;
}

/**
 * The statement that records one membership change; it runs in the batch of the change itself.
 * With `when` (an SQL condition and its arguments) it is recorded only if that holds.
 */
export function membershipChangeStatement(
	c: { doetankId: string; userId: string; actorId: string | null; change: MembershipChange; roles: readonly string[] },
	when?: { sql: string; args: readonly InValue[] }
): InStatement {
	return {
		sql: `INSERT INTO membership_changes (doetank_id, user_id, actor_id, change, roles, at)
		      SELECT ?, ?, ?, ?, ?, ? WHERE ${when?.sql ?? '1'}`,
		args: [c.doetankId, c.userId, c.actorId, c.change, JSON.stringify(c.roles), Date.now(), ...(when?.args ?? [])]
	};
}

export async function listMembershipChanges(db: Database, doetankId: string): Promise<MembershipChangeRow[]> {
	const { rows } = await db.execute({
		sql: `SELECT c.change, c.user_id, m.name AS member_name, c.actor_id, a.name AS actor_name, c.roles, c.at
		      FROM membership_changes c
		      LEFT JOIN users m ON m.id = c.user_id
		      LEFT JOIN users a ON a.id = c.actor_id
		      WHERE c.doetank_id = ? ORDER BY c.at DESC, c.id DESC`,
		args: [doetankId]
	});
	const who = (id: unknown, name: unknown) =>
		id === null || name === null ? null : { id: String(id), name: String(name) };
	return rows.map((r) => ({
		change: r.change as MembershipChange,
		member: who(r.user_id, r.member_name),
		actor: who(r.actor_id, r.actor_name),
		roles: JSON.parse(String(r.roles)) as DoetankRole[],
		at: Number(r.at)
	}));
}

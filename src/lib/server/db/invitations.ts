import type { DoetankRole, LidType } from '$lib/domain/roles';
import type { InStatement } from '@libsql/client';
import type { Database } from './client';
import { membershipChangeStatement } from './membership-changes';
import { guardedNotificationStatement, type NewNotification } from './notifications';

export interface InvitationRow {
	id: string;
	doetankId: string;
	roles: DoetankRole[];
	lidType: LidType | null;
	directStake: boolean;
	/** Set for a personal invitation (adding an existing account): only this account may accept it. */
	inviteeId: string | null;
	/** Who made it; null once that account is gone. */
	createdBy: string | null;
	expiresAt: number;
	usedAt: number | null;
}

export type NewInvitation = Omit<InvitationRow, 'usedAt' | 'createdBy'> & { tokenHash: string; createdBy: string };

export function insertInvitationStatement(inv: NewInvitation): InStatement {
	return {
		sql: `INSERT INTO invitations (id, token_hash, doetank_id, roles, lid_type, direct_stake, invitee_id, created_by, created_at, expires_at)
		      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		args: [
			inv.id,
			inv.tokenHash,
			inv.doetankId,
			JSON.stringify(inv.roles),
			inv.lidType,
			inv.directStake ? 1 : 0,
			inv.inviteeId,
			inv.createdBy,
			Date.now(),
			inv.expiresAt
		]
	};
}

/** Whether `inviteeId` already has an open personal invitation to the Doetank. */
export async function hasOpenPersonalInvitation(db: Database, doetankId: string, inviteeId: string): Promise<boolean> {
	const { rows } = await db.execute({
		sql: `SELECT 1 FROM invitations WHERE invitee_id = ? AND doetank_id = ? AND used_at IS NULL AND expires_at > ? LIMIT 1`,
		args: [inviteeId, doetankId, Date.now()]
	});
	return rows.length > 0;
}

export async function findInvitationByHash(db: Database, tokenHash: string): Promise<InvitationRow | null> {
	const { rows } = await db.execute({ sql: 'SELECT * FROM invitations WHERE token_hash = ?', args: [tokenHash] });
	const row = rows[0];
	if (!row) return null;
	return {
		id: String(row.id),
		doetankId: String(row.doetank_id),
		roles: JSON.parse(String(row.roles)) as DoetankRole[],
		lidType: (row.lid_type as LidType | null) ?? null,
		directStake: Number(row.direct_stake) === 1,
		inviteeId: row.invitee_id === null || row.invitee_id === undefined ? null : String(row.invitee_id),
		createdBy: row.created_by === null ? null : String(row.created_by),
		expiresAt: Number(row.expires_at),
		usedAt: row.used_at === null ? null : Number(row.used_at)
	};
}

/**
 * Marks the invitation used and creates the membership in one batch (one transaction, run to
 * the end without yielding, so it never waits on a lock held by this same process). The
 * membership rows are only written when this call is the one that marked the invitation.
 */
/**
 * Uses the invitation and makes `userId` a member, once; `notice` (if any) lands in the same batch,
 * only when this call is the one that used the invitation.
 */
export async function redeemInvitation(
	db: Database,
	inv: InvitationRow,
	userId: string,
	notice?: NewNotification
): Promise<boolean> {
	const now = Date.now();
	const markedByThisCall = 'EXISTS (SELECT 1 FROM invitations WHERE id = ? AND used_by = ? AND used_at = ?)';
	const guard = [inv.id, userId, now];
	const [marked] = await db.batch(
		[
			{
				sql: 'UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?',
				args: [now, userId, inv.id, now]
			},
			{
				sql: `INSERT INTO memberships (doetank_id, user_id, lid_type, direct_stake, joined_at)
				      SELECT ?, ?, ?, ?, ? WHERE ${markedByThisCall}`,
				args: [inv.doetankId, userId, inv.lidType, inv.directStake ? 1 : 0, now, ...guard]
			},
			...inv.roles.map((role) => ({
				sql: `INSERT INTO membership_roles (doetank_id, user_id, role) SELECT ?, ?, ? WHERE ${markedByThisCall}`,
				args: [inv.doetankId, userId, role, ...guard]
			})),
			membershipChangeStatement(
				{ doetankId: inv.doetankId, userId, actorId: userId, change: 'added', roles: inv.roles },
				{ sql: markedByThisCall, args: guard }
			),
			...(notice ? [guardedNotificationStatement(notice, markedByThisCall, guard)] : [])
		],
		'write'
	);
	return marked?.rowsAffected === 1;
}

import type { DoetankRole, LidType } from '$lib/domain/roles';
import type { Database } from './client';

export interface InvitationRow {
	id: string;
	doetankId: string;
	roles: DoetankRole[];
	lidType: LidType | null;
	expiresAt: number;
	usedAt: number | null;
}

export async function insertInvitation(
	db: Database,
	inv: Omit<InvitationRow, 'usedAt'> & { tokenHash: string; createdBy: string }
): Promise<void> {
	await db.execute({
		sql: `INSERT INTO invitations (id, token_hash, doetank_id, roles, lid_type, created_by, created_at, expires_at)
		      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		args: [
			inv.id,
			inv.tokenHash,
			inv.doetankId,
			JSON.stringify(inv.roles),
			inv.lidType,
			inv.createdBy,
			Date.now(),
			inv.expiresAt
		]
	});
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
		expiresAt: Number(row.expires_at),
		usedAt: row.used_at === null ? null : Number(row.used_at)
	};
}

/**
 * Marks the invitation used and creates the membership in one batch (one transaction, run to
 * the end without yielding, so it never waits on a lock held by this same process). The
 * membership rows are only written when this call is the one that marked the invitation.
 */
export async function redeemInvitation(db: Database, inv: InvitationRow, userId: string): Promise<boolean> {
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
				      SELECT ?, ?, ?, 0, ? WHERE ${markedByThisCall}`,
				args: [inv.doetankId, userId, inv.lidType, now, ...guard]
			},
			...inv.roles.map((role) => ({
				sql: `INSERT INTO membership_roles (doetank_id, user_id, role) SELECT ?, ?, ? WHERE ${markedByThisCall}`,
				args: [inv.doetankId, userId, role, ...guard]
			}))
		],
		'write'
	);
	return marked?.rowsAffected === 1;
}

import type { DoetankRole, LidType } from '$lib/domain/roles';
import type { Database } from './client';
import { membershipStatements } from './doetanks';

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
		args: [inv.id, inv.tokenHash, inv.doetankId, JSON.stringify(inv.roles), inv.lidType, inv.createdBy, Date.now(), inv.expiresAt]
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
 * Marks the invitation used and creates the membership in one transaction; the conditional
 * UPDATE makes a second use of the same link fail even when two arrive at once.
 */
export async function redeemInvitation(db: Database, inv: InvitationRow, userId: string): Promise<boolean> {
	const tx = await db.transaction('write');
	try {
		const now = Date.now();
		const marked = await tx.execute({
			sql: 'UPDATE invitations SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND expires_at > ?',
			args: [now, userId, inv.id, now]
		});
		if (marked.rowsAffected !== 1) {
			await tx.rollback();
			return false;
		}
		await tx.batch(
			membershipStatements({
				doetankId: inv.doetankId,
				userId,
				roles: inv.roles,
				lidType: inv.lidType,
				directStake: false
			})
		);
		await tx.commit();
		return true;
	} finally {
		tx.close();
	}
}

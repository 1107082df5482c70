import type { DoetankRole } from '../roles';

/**
 * Who may approve a terugkoppelmoment: the opdrachtgever or the besluitvormer of that Doetank.
 * Members and coaches never approve; an approval is the sponsor's word, not the team's.
 */
export const APPROVER_ROLES: readonly DoetankRole[] = ['opdrachtgever', 'besluitvormer'];

export function isApprover(roles: readonly DoetankRole[]): boolean {
	return roles.some((r) => APPROVER_ROLES.includes(r));
}

import { can, type Actor, type DoetankAction, type NetworkAction } from '$lib/domain/policy';
import type { DoetankRole } from '$lib/domain/roles';
import type { Database } from './db/client';
import { findDoetank, rolesIn, type DoetankRow } from './db/doetanks';
import { AppError } from './errors';

export interface DoetankAccess {
	doetank: DoetankRow;
	roles: DoetankRole[];
}

/** Enforces a network-level action: 401 when logged out, 403 when not allowed. */
export function requireNetwork(actor: Actor | null, action: NetworkAction): Actor {
	if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
	if (!can(actor, action)) throw new AppError('forbidden', 'error.forbidden');
	return actor;
}

/**
 * Enforces an action on one Doetank: 401 when logged out, 404 for an unknown Doetank,
 * 403 when the policy says no. Returns what the caller needs to go on.
 */
export async function requireDoetank(
	db: Database,
	actor: Actor | null,
	action: DoetankAction,
	doetankId: string
): Promise<DoetankAccess & { actor: Actor }> {
	if (!actor) throw new AppError('unauthenticated', 'error.unauthenticated');
	const doetank = await findDoetank(db, doetankId);
	if (!doetank) throw new AppError('not_found', 'error.doetankNotFound');
	const roles = await rolesIn(db, doetankId, actor.id);
	if (!can(actor, action, { roles })) throw new AppError('forbidden', 'error.forbidden');
	return { actor, doetank, roles };
}

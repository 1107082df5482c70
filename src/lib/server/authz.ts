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

/** The outcome of one Doetank check, as a status, for callers that must not throw (the sync server). */
export type DoetankCheck = { status: 401 | 403 | 404 } | ({ status: 200; actor: Actor } & DoetankAccess);

/** 401 when logged out, then 404 for an unknown Doetank, then 403 when the policy says no. */
export async function checkDoetank(
	db: Database,
	actor: Actor | null,
	action: DoetankAction,
	doetankId: string
): Promise<DoetankCheck> {
	if (!actor) return { status: 401 };
	const doetank = await findDoetank(db, doetankId);
	if (!doetank) return { status: 404 };
	const roles = await rolesIn(db, doetankId, actor.id);
	if (!can(actor, action, { roles })) return { status: 403 };
	return { status: 200, actor, doetank, roles };
}

const REFUSALS = {
	401: () => new AppError('unauthenticated', 'error.unauthenticated'),
	403: () => new AppError('forbidden', 'error.forbidden'),
	404: () => new AppError('not_found', 'error.doetankNotFound')
};

/** Enforces an action on one Doetank as `checkDoetank` decides; returns what the caller needs to go on. */
export async function requireDoetank(
	db: Database,
	actor: Actor | null,
	action: DoetankAction,
	doetankId: string
): Promise<DoetankAccess & { actor: Actor }> {
	const check = await checkDoetank(db, actor, action, doetankId);
	if (check.status !== 200) throw REFUSALS[check.status]();
	return check;
}

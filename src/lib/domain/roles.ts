/** Roles of a person in the whole network (not in one Doetank). */
export const NETWORK_ROLES = ['admin', 'coach', 'member'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

/** Roles a person can hold in one Doetank; one person may hold several. */
export const DOETANK_ROLES = ['trekker', 'lid', 'coach', 'opdrachtgever', 'besluitvormer', 'meekijker'] as const;
export type DoetankRole = (typeof DOETANK_ROLES)[number];

export const LID_TYPES = ['kern', 'schil'] as const;
export type LidType = (typeof LID_TYPES)[number];

/** Roles that co-edit the live workspace; everyone else in a Doetank only watches. */
export const EDITING_ROLES: readonly DoetankRole[] = ['trekker', 'lid', 'coach'];

/** Roles that manage the Doetank: membership, invitations, its description. */
export const MANAGING_ROLES: readonly DoetankRole[] = ['trekker', 'coach'];

export const PHASES = ['fase_0', 'fase_1', 'fase_2', 'afgerond', 'gestopt'] as const;
export type Phase = (typeof PHASES)[number];

export function isEditor(roles: readonly DoetankRole[]): boolean {
	return roles.some((r) => EDITING_ROLES.includes(r));
}

export function isManager(roles: readonly DoetankRole[]): boolean {
	return roles.some((r) => MANAGING_ROLES.includes(r));
}

/** Who answers the Doetank-vragenlijst for a Doetank: its working members. */
export const RESPONDENT_ROLES: readonly DoetankRole[] = ['trekker', 'lid'];

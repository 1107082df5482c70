import { isEditor, isManager, type DoetankRole, type NetworkRole } from './roles';

/** Who asks: null when nobody is logged in. */
export interface Actor {
	id: string;
	networkRole: NetworkRole;
}

/** The actor's standing in one Doetank: empty roles when not a member. */
export interface DoetankStanding {
	roles: readonly DoetankRole[];
}

export const NETWORK_ACTIONS = ['doetank.list', 'doetank.create', 'doetank.listAll', 'user.list', 'user.setNetworkRole'] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

export const DOETANK_ACTIONS = [
	'doetank.view',
	'doetank.update',
	'members.view',
	'members.add',
	'members.remove',
	'members.changeRoles',
	'invitations.create',
	'workspace.read',
	'workspace.write'
] as const;
export type DoetankAction = (typeof DOETANK_ACTIONS)[number];

export type Action = NetworkAction | DoetankAction;

const networkRules: Record<NetworkAction, (actor: Actor) => boolean> = {
	'doetank.list': () => true,
	'doetank.create': () => true,
	'doetank.listAll': (a) => a.networkRole === 'admin' || a.networkRole === 'coach',
	'user.list': (a) => a.networkRole === 'admin',
	'user.setNetworkRole': (a) => a.networkRole === 'admin'
};

const isMember = (s: DoetankStanding) => s.roles.length > 0;
const isAdmin = (a: Actor) => a.networkRole === 'admin';
/** Network coaches follow every Doetank from the outside, as the method's coach does. */
const watchesNetwork = (a: Actor) => a.networkRole === 'admin' || a.networkRole === 'coach';

const doetankRules: Record<DoetankAction, (actor: Actor, s: DoetankStanding) => boolean> = {
	'doetank.view': (a, s) => isMember(s) || watchesNetwork(a),
	'members.view': (a, s) => isMember(s) || watchesNetwork(a),
	'doetank.update': (a, s) => isManager(s.roles) || isAdmin(a),
	'members.add': (a, s) => isManager(s.roles) || isAdmin(a),
	'members.remove': (a, s) => isManager(s.roles) || isAdmin(a),
	'members.changeRoles': (a, s) => isManager(s.roles) || isAdmin(a),
	'invitations.create': (a, s) => isManager(s.roles) || isAdmin(a),
	// The live document is for the team itself; admins may look in for support.
	'workspace.read': (a, s) => isMember(s) || isAdmin(a),
	// opdrachtgever, besluitvormer and meekijker only watch: they approve frozen versions instead.
	'workspace.write': (_a, s) => isEditor(s.roles)
};

function isNetworkAction(action: Action): action is NetworkAction {
	return (NETWORK_ACTIONS as readonly string[]).includes(action);
}

/**
 * The single authorization rule book. Every route, API handler and the sync server ask it;
 * nothing else decides who may do what.
 */
export function can(actor: Actor | null, action: Action, standing?: DoetankStanding): boolean {
	if (!actor) return false;
	if (isNetworkAction(action)) return networkRules[action](actor);
	return doetankRules[action](actor, standing ?? { roles: [] });
}

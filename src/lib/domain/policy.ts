import { isApprover } from './governance/approvers';
import { isEditor, isManager, RESPONDENT_ROLES, type DoetankRole, type NetworkRole } from './roles';

/** Who asks: null when nobody is logged in. */
export interface Actor {
	id: string;
	networkRole: NetworkRole;
}

/** The actor's standing in one Doetank: empty roles when not a member. */
export interface DoetankStanding {
	roles: readonly DoetankRole[];
}

export const NETWORK_ACTIONS = [
	'doetank.list',
	'doetank.create',
	'doetank.listAll',
	'user.list',
	'user.setNetworkRole',
	'inbox.use',
	'transitions.feed',
	'questionnaire.manage',
	'questionnaire.networkResults',
	'cafe.facilitate',
	'network.overview',
	'monitoring.settings',
	'report.view',
	'networkCanvas.read',
	'networkCanvas.write'
] as const;
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
	'workspace.write',
	'phase.propose',
	'phase.override',
	'agreement.edit',
	'agreement.confirm',
	'checkpoint.view',
	'checkpoint.create',
	'checkpoint.submit',
	'checkpoint.review',
	'audit.view',
	'questionnaire.respond',
	'questionnaire.results',
	'logboek.view',
	'logboek.edit',
	'monitoring.view',
	'monitoring.note',
	'comments.view',
	'comments.add',
	'comments.resolve',
	'comments.moderate'
] as const;
export type DoetankAction = (typeof DOETANK_ACTIONS)[number];

export type Action = NetworkAction | DoetankAction;

const networkRules: Record<NetworkAction, (actor: Actor) => boolean> = {
	'doetank.list': () => true,
	'doetank.create': () => true,
	'doetank.listAll': (a) => a.networkRole === 'admin' || a.networkRole === 'coach',
	'user.list': (a) => a.networkRole === 'admin',
	'user.setNetworkRole': (a) => a.networkRole === 'admin',
	// Everyone has an own inbox and calendar feed.
	'inbox.use': () => true,
	// The coach's feed of phase transitions across the network.
	'transitions.feed': (a) => a.networkRole === 'admin' || a.networkRole === 'coach',
	// Opening questionnaire waves and the raw (anonymous) answers are for admins only.
	'questionnaire.manage': (a) => a.networkRole === 'admin',
	// The project team reports leerresultaat across the network.
	'questionnaire.networkResults': (a) => a.networkRole === 'admin' || a.networkRole === 'coach',
	'cafe.facilitate': (a) => a.networkRole === 'admin' || a.networkRole === 'coach',
	// The "Overzicht Doetanks" of the network.
	'network.overview': (a) => a.networkRole === 'admin' || a.networkRole === 'coach',
	// The thresholds of the coach's risk signals hold for the whole network.
	'monitoring.settings': (a) => a.networkRole === 'admin',
	// The Meten & Monitoren report covers the whole network, as the project team reports it.
	'report.view': (a) => a.networkRole === 'admin' || a.networkRole === 'coach',
	// The business case of the network as a whole (level 5): the project team writes it, every member reads it.
	'networkCanvas.read': () => true,
	'networkCanvas.write': (a) => a.networkRole === 'admin' || a.networkRole === 'coach'
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
	'workspace.write': (_a, s) => isEditor(s.roles),
	// A trekker or coach moves the Doetank through its phases; only an admin may pass a closed gate.
	'phase.propose': (a, s) => isManager(s.roles) || isAdmin(a),
	'phase.override': (a) => isAdmin(a),
	// The agreement is written by the team and its sponsor together; only the opdrachtgever confirms it.
	'agreement.edit': (_a, s) =>
		isEditor(s.roles) || s.roles.includes('opdrachtgever') || s.roles.includes('besluitvormer'),
	'agreement.confirm': (_a, s) => s.roles.includes('opdrachtgever'),
	// Frozen versions hold the workspace's content: the same readers as the live document.
	'checkpoint.view': (a, s) => isMember(s) || isAdmin(a),
	'checkpoint.create': (_a, s) => isEditor(s.roles) || s.roles.includes('opdrachtgever'),
	'checkpoint.submit': (_a, s) => isEditor(s.roles),
	// Members and coaches never approve (governance/approvers.ts), and neither do network roles.
	'checkpoint.review': (_a, s) => isApprover(s.roles),
	'audit.view': (a, s) => isMember(s) || watchesNetwork(a),
	// The vragenlijst is for the Doetankleden themselves, not for sponsors, watchers or the coach.
	'questionnaire.respond': (_a, s) => s.roles.some((r) => RESPONDENT_ROLES.includes(r)),
	// Only group figures (at least 3 respondents), never one person's answers.
	'questionnaire.results': (a, s) => isMember(s) || watchesNetwork(a),
	// The logboek-matrix is the coaches' own reflection: not for the members.
	'logboek.view': (a, s) => s.roles.includes('coach') || watchesNetwork(a),
	'logboek.edit': (a, s) => s.roles.includes('coach') || a.networkRole === 'coach',
	// The coach dashboard: a coach monitors the Doetanks they coach; admins monitor all.
	'monitoring.view': (a, s) => s.roles.includes('coach') || isAdmin(a),
	'monitoring.note': (a, s) => s.roles.includes('coach') || isAdmin(a),
	// Comments live beside the document (not in it), so every member takes part, read-only roles
	// included: the opdrachtgever gives feedback without editing. Admins read them for support.
	'comments.view': (a, s) => isMember(s) || isAdmin(a),
	'comments.add': (_a, s) => isMember(s),
	// Resolving any thread is for those who act on the text; the author of a thread may resolve
	// their own as well (domain/comments/thread.ts). Editing a comment is for its author only.
	'comments.resolve': (_a, s) => isEditor(s.roles),
	// Removing someone else's comment (abuse, personal data): those who manage the Doetank.
	'comments.moderate': (a, s) => isManager(s.roles) || isAdmin(a)
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

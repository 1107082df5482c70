import { describe, expect, it } from 'vitest';
import { can, DOETANK_ACTIONS, NETWORK_ACTIONS, type Actor, type DoetankAction } from './policy';
import type { DoetankRole, NetworkRole } from './roles';

type Subject = { actor: Actor | null; roles: DoetankRole[] };
const member = (role: DoetankRole): Subject => ({ actor: { id: 'u', networkRole: 'member' }, roles: [role] });
const outsider = (networkRole: NetworkRole): Subject => ({ actor: { id: 'u', networkRole }, roles: [] });

const SUBJECTS = {
	loggedOut: { actor: null, roles: [] },
	notMember: outsider('member'),
	networkCoach: outsider('coach'),
	networkAdmin: outsider('admin'),
	trekker: member('trekker'),
	lid: member('lid'),
	coach: member('coach'),
	opdrachtgever: member('opdrachtgever'),
	besluitvormer: member('besluitvormer'),
	meekijker: member('meekijker')
} satisfies Record<string, Subject>;
type SubjectName = keyof typeof SUBJECTS;

// The rule book written out cell by cell: loosening or tightening any single rule fails a cell.
const Y = true;
const n = false;
const EXPECTED: Record<DoetankAction, Record<SubjectName, boolean>> = {
	//                     loggedOut notMember networkCoach networkAdmin trekker lid coach opdrachtgever besluitvormer meekijker
	'doetank.view': row(n, n, Y, Y, Y, Y, Y, Y, Y, Y),
	'members.view': row(n, n, Y, Y, Y, Y, Y, Y, Y, Y),
	'doetank.update': row(n, n, n, Y, Y, n, Y, n, n, n),
	'members.add': row(n, n, n, Y, Y, n, Y, n, n, n),
	'members.remove': row(n, n, n, Y, Y, n, Y, n, n, n),
	'members.changeRoles': row(n, n, n, Y, Y, n, Y, n, n, n),
	'invitations.create': row(n, n, n, Y, Y, n, Y, n, n, n),
	'workspace.read': row(n, n, n, Y, Y, Y, Y, Y, Y, Y),
	'workspace.write': row(n, n, n, n, Y, Y, Y, n, n, n),
	'phase.propose': row(n, n, n, Y, Y, n, Y, n, n, n),
	'phase.override': row(n, n, n, Y, n, n, n, n, n, n),
	'agreement.edit': row(n, n, n, n, Y, Y, Y, Y, Y, n),
	'agreement.confirm': row(n, n, n, n, n, n, n, Y, n, n),
	'checkpoint.view': row(n, n, n, Y, Y, Y, Y, Y, Y, Y),
	'checkpoint.create': row(n, n, n, n, Y, Y, Y, Y, n, n),
	'checkpoint.submit': row(n, n, n, n, Y, Y, Y, n, n, n),
	'checkpoint.review': row(n, n, n, n, n, n, n, Y, Y, n),
	'audit.view': row(n, n, Y, Y, Y, Y, Y, Y, Y, Y),
	'questionnaire.respond': row(n, n, n, n, Y, Y, n, n, n, n),
	'questionnaire.results': row(n, n, Y, Y, Y, Y, Y, Y, Y, Y),
	'logboek.view': row(n, n, Y, Y, n, n, Y, n, n, n),
	'logboek.edit': row(n, n, Y, n, n, n, Y, n, n, n),
	'monitoring.view': row(n, n, n, Y, n, n, Y, n, n, n),
	'monitoring.note': row(n, n, n, Y, n, n, Y, n, n, n),
	'comments.view': row(n, n, n, Y, Y, Y, Y, Y, Y, Y),
	'comments.add': row(n, n, n, n, Y, Y, Y, Y, Y, Y),
	'comments.resolve': row(n, n, n, n, Y, Y, Y, n, n, n),
	'comments.moderate': row(n, n, n, Y, Y, n, Y, n, n, n)
};

function row(...cells: boolean[]): Record<SubjectName, boolean> {
	const names = Object.keys(SUBJECTS) as SubjectName[];
	return Object.fromEntries(names.map((name, i) => [name, cells[i]])) as Record<SubjectName, boolean>;
}

describe('policy: Doetank actions, every role × every action', () => {
	it('covers every action', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...DOETANK_ACTIONS].sort());
	});
	for (const action of DOETANK_ACTIONS) {
		for (const [name, subject] of Object.entries(SUBJECTS)) {
			const expected = EXPECTED[action][name as SubjectName];
			it(`${name} ${expected ? 'may' : 'may not'} ${action}`, () => {
				expect(can(subject.actor, action, { roles: subject.roles })).toBe(expected);
			});
		}
	}
});

describe('policy: combined roles', () => {
	it('a trekker who is also opdrachtgever keeps editing rights', () => {
		expect(can({ id: 'u', networkRole: 'member' }, 'workspace.write', { roles: ['opdrachtgever', 'trekker'] })).toBe(
			true
		);
	});
	it('an opdrachtgever who is also meekijker stays read-only', () => {
		const roles: DoetankRole[] = ['opdrachtgever', 'meekijker'];
		expect(can({ id: 'u', networkRole: 'member' }, 'workspace.write', { roles })).toBe(false);
		expect(can({ id: 'u', networkRole: 'member' }, 'workspace.read', { roles })).toBe(true);
	});
	it('a member who is also opdrachtgever may approve; a coach who is also lid may not', () => {
		expect(can({ id: 'u', networkRole: 'member' }, 'checkpoint.review', { roles: ['lid', 'opdrachtgever'] })).toBe(
			true
		);
		expect(can({ id: 'u', networkRole: 'coach' }, 'checkpoint.review', { roles: ['coach', 'lid'] })).toBe(false);
	});
	it('a network admin who is opdrachtgever in the Doetank may approve as opdrachtgever', () => {
		expect(can({ id: 'u', networkRole: 'admin' }, 'checkpoint.review', { roles: ['opdrachtgever'] })).toBe(true);
	});
	it('a Doetank action without standing counts as not a member', () => {
		expect(can({ id: 'u', networkRole: 'member' }, 'doetank.view')).toBe(false);
	});
});

describe('policy: network actions', () => {
	const EXPECTED_NETWORK: Record<(typeof NETWORK_ACTIONS)[number], Record<'loggedOut' | NetworkRole, boolean>> = {
		'doetank.list': { loggedOut: n, member: Y, coach: Y, admin: Y },
		'doetank.create': { loggedOut: n, member: Y, coach: Y, admin: Y },
		'doetank.listAll': { loggedOut: n, member: n, coach: Y, admin: Y },
		'user.list': { loggedOut: n, member: n, coach: n, admin: Y },
		'user.setNetworkRole': { loggedOut: n, member: n, coach: n, admin: Y },
		'inbox.use': { loggedOut: n, member: Y, coach: Y, admin: Y },
		'transitions.feed': { loggedOut: n, member: n, coach: Y, admin: Y },
		'questionnaire.manage': { loggedOut: n, member: n, coach: n, admin: Y },
		'questionnaire.networkResults': { loggedOut: n, member: n, coach: Y, admin: Y },
		'cafe.facilitate': { loggedOut: n, member: n, coach: Y, admin: Y },
		'network.overview': { loggedOut: n, member: n, coach: Y, admin: Y },
		'monitoring.settings': { loggedOut: n, member: n, coach: n, admin: Y },
		'report.view': { loggedOut: n, member: n, coach: Y, admin: Y },
		'networkCanvas.read': { loggedOut: n, member: Y, coach: Y, admin: Y },
		'networkCanvas.write': { loggedOut: n, member: n, coach: Y, admin: Y }
	};
	for (const action of NETWORK_ACTIONS) {
		for (const [who, expected] of Object.entries(EXPECTED_NETWORK[action])) {
			it(`${who} ${expected ? 'may' : 'may not'} ${action}`, () => {
				const actor = who === 'loggedOut' ? null : { id: 'u', networkRole: who as NetworkRole };
				expect(can(actor, action)).toBe(expected);
			});
		}
	}
});

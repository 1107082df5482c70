import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	ApiClient,
	addMember,
	login,
	newAccount,
	register,
	type DoetankDetail,
	type DoetankList,
	type DoetankRole,
	type InvitationBody,
	type Member,
	type SessionBody
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';

/** Demo network accounts (src/lib/server/demo/seed.ts); none of them is in the Doetank made here. */
const DEMO_PASSWORD = 'doetank-demo';
const DEMO_ADMIN = 'beheerder@demo.doetank.nl';
const DEMO_COACH = 'coach@demo.doetank.nl';

const ACTORS = [
	'trekker',
	'lid',
	'coach',
	'opdrachtgever',
	'besluitvormer',
	'meekijker',
	'network member, not a member',
	'network coach, not a member',
	'network admin, not a member',
	'logged out'
] as const;
type ActorKey = (typeof ACTORS)[number];

const ACTIONS = [
	'view',
	'members.view',
	'update',
	'members.add',
	'members.changeRoles',
	'members.remove',
	'invite',
	'history',
	'history.name',
	'history.rename',
	'history.delete',
	'comments.view',
	'comments.add',
	'comments.resolve',
	'comments.delete'
] as const;
type ActionKey = (typeof ACTIONS)[number];

/**
 * The intended policy, written out by hand (not derived from src/lib/domain/policy.ts):
 * - viewing the Doetank and its members: any member, network admin or network coach;
 * - updating, managing members and inviting: Doetank trekker or Doetank coach, or network admin;
 * - the live document's version history: any member, or a network admin (not a network coach);
 * - naming a version, renaming or removing a named one: the workspace's writers (trekker, lid, Doetank coach) only;
 * - comments: read by members and network admins; written by every member, read-only roles
 *   included (not by network roles from outside); someone else's thread resolved by the writers
 *   only, deleted by the trekker, the Doetank coach or a network admin;
 * - logged out: 401; otherwise not allowed: 403.
 */
// prettier-ignore
const EXPECTED: Record<ActorKey, Record<ActionKey, number>> = {
	'trekker':                       { view: 200, 'members.view': 200, update: 200, 'members.add': 202, 'members.changeRoles': 200, 'members.remove': 204, invite: 201, history: 200, 'history.name': 201, 'history.rename': 204, 'history.delete': 204, 'comments.view': 200, 'comments.add': 201, 'comments.resolve': 200, 'comments.delete': 204 },
	'lid':                           { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200, 'history.name': 201, 'history.rename': 204, 'history.delete': 204, 'comments.view': 200, 'comments.add': 201, 'comments.resolve': 200, 'comments.delete': 403 },
	'coach':                         { view: 200, 'members.view': 200, update: 200, 'members.add': 202, 'members.changeRoles': 200, 'members.remove': 204, invite: 201, history: 200, 'history.name': 201, 'history.rename': 204, 'history.delete': 204, 'comments.view': 200, 'comments.add': 201, 'comments.resolve': 200, 'comments.delete': 204 },
	'opdrachtgever':                 { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200, 'history.name': 403, 'history.rename': 403, 'history.delete': 403, 'comments.view': 200, 'comments.add': 201, 'comments.resolve': 403, 'comments.delete': 403 },
	'besluitvormer':                 { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200, 'history.name': 403, 'history.rename': 403, 'history.delete': 403, 'comments.view': 200, 'comments.add': 201, 'comments.resolve': 403, 'comments.delete': 403 },
	'meekijker':                     { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200, 'history.name': 403, 'history.rename': 403, 'history.delete': 403, 'comments.view': 200, 'comments.add': 201, 'comments.resolve': 403, 'comments.delete': 403 },
	'network member, not a member':  { view: 403, 'members.view': 403, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 403, 'history.name': 403, 'history.rename': 403, 'history.delete': 403, 'comments.view': 403, 'comments.add': 403, 'comments.resolve': 403, 'comments.delete': 403 },
	'network coach, not a member':   { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 403, 'history.name': 403, 'history.rename': 403, 'history.delete': 403, 'comments.view': 403, 'comments.add': 403, 'comments.resolve': 403, 'comments.delete': 403 },
	'network admin, not a member':   { view: 200, 'members.view': 200, update: 200, 'members.add': 202, 'members.changeRoles': 200, 'members.remove': 204, invite: 201, history: 200, 'history.name': 403, 'history.rename': 403, 'history.delete': 403, 'comments.view': 200, 'comments.add': 403, 'comments.resolve': 403, 'comments.delete': 204 },
	'logged out':                    { view: 401, 'members.view': 401, update: 401, 'members.add': 401, 'members.changeRoles': 401, 'members.remove': 401, invite: 401, history: 401, 'history.name': 401, 'history.rename': 401, 'history.delete': 401, 'comments.view': 401, 'comments.add': 401, 'comments.resolve': 401, 'comments.delete': 401 }
};

/** The single Doetank role each member actor holds. */
const MEMBER_ROLES: Partial<Record<ActorKey, DoetankRole>> = {
	trekker: 'trekker',
	lid: 'lid',
	coach: 'coach',
	opdrachtgever: 'opdrachtgever',
	besluitvormer: 'besluitvormer',
	meekijker: 'meekijker'
};

let server: TestServer;
let base: string;
let owner: ApiClient;
let doetankId: string;
const clients = new Map<ActorKey, ApiClient>();
const userIds = new Map<ActorKey, string>();
const emails = new Map<ActorKey, string>();

const actorClient = (actor: ActorKey): ApiClient => {
	const client = clients.get(actor);
	if (!client) throw new Error(`no client for ${actor}`);
	return client;
};

async function members(): Promise<Member[]> {
	const res = await owner.get<{ members: Member[] }>(`/api/v1/doetanks/${doetankId}/members`);
	expect(res.status).toBe(200);
	return res.body.members;
}

/** A fresh account for one cell; with a role it is first added to the Doetank by the trekker. */
async function throwaway(role?: DoetankRole): Promise<{ id: string; email: string }> {
	const user = await register(base, newAccount('Target'));
	if (role) {
		await addMember(owner, doetankId, user.client, { email: user.account.email, roles: [role] });
	}
	return { id: user.id, email: user.account.email };
}

/** A comment on the first character of some text (the server only checks that it is a relative position). */
function newComment(body: string) {
	const doc = new Y.Doc();
	const text = doc.getText('t');
	text.insert(0, 'ab');
	const encode = (i: number) =>
		Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64');
	return { field: 'probleemdefinitie', anchor: { start: encode(0), end: encode(1) }, quote: 'a', body };
}

interface ThreadBody {
	id: string;
	body: string;
	resolvedAt: number | null;
}

async function threads(): Promise<ThreadBody[]> {
	const res = await owner.get<{ threads: ThreadBody[] }>(`/api/v1/doetanks/${doetankId}/comments`);
	expect(res.status).toBe(200);
	return res.body.threads;
}

/** A fresh open thread by the trekker, for one cell. */
async function ownerThread(): Promise<string> {
	const res = await owner.post<{ thread: ThreadBody }>(`/api/v1/doetanks/${doetankId}/comments`, newComment('Doelwit'));
	expect(res.status, res.text).toBe(201);
	return res.body.thread.id;
}

/** The named versions of the Doetank by id, as the trekker sees them. */
async function namedVersions(): Promise<Map<string, string | null>> {
	const res = await owner.get<{ versions: { id: string; kind: string; name: string | null }[] }>(
		`/api/v1/doetanks/${doetankId}/history/versions`
	);
	expect(res.status).toBe(200);
	return new Map(res.body.versions.filter((v) => v.kind === 'named').map((v) => [v.id, v.name]));
}

/** A named version the trekker makes for one cell. */
async function ownersNamedVersion(name: string): Promise<string> {
	const res = await owner.post<{ version: { id: string } }>(`/api/v1/doetanks/${doetankId}/history/versions`, {
		name: name.slice(0, 80)
	});
	expect(res.status, res.text).toBe(201);
	return res.body.version.id;
}

/** Each action performs one request and checks that its effect happened exactly when it was allowed. */
const PERFORM: Record<ActionKey, (client: ApiClient, label: string) => Promise<number>> = {
	view: async (c) => {
		const res = await c.get<DoetankDetail>(`/api/v1/doetanks/${doetankId}`);
		if (res.status === 200) expect(res.body.doetank.id).toBe(doetankId);
		return res.status;
	},
	'members.view': async (c) => {
		const res = await c.get<{ members: Member[] }>(`/api/v1/doetanks/${doetankId}/members`);
		if (res.status === 200) expect(res.body.members.length).toBeGreaterThanOrEqual(6);
		return res.status;
	},
	update: async (c, label) => {
		const input = { name: `Matrix (${label})`, onderwerp: `Bijgewerkt door ${label}`, beoogdDoel: 'Toegang testen' };
		const res = await c.put(`/api/v1/doetanks/${doetankId}`, input);
		const after = await owner.get<DoetankDetail>(`/api/v1/doetanks/${doetankId}`);
		expect(after.body.doetank.name === input.name).toBe(res.status === 200);
		return res.status;
	},
	'members.add': async (c) => {
		const target = await throwaway();
		const res = await c.post(`/api/v1/doetanks/${doetankId}/members`, { email: target.email, roles: ['meekijker'] });
		// Never a membership straight away: the target has to accept the invitation first.
		expect((await members()).some((m) => m.userId === target.id)).toBe(false);
		return res.status;
	},
	'members.changeRoles': async (c) => {
		const target = await throwaway('meekijker');
		const res = await c.put(`/api/v1/doetanks/${doetankId}/members/${target.id}`, { roles: ['besluitvormer'] });
		const roles = (await members()).find((m) => m.userId === target.id)?.roles;
		expect(roles).toEqual(res.status === 200 ? ['besluitvormer'] : ['meekijker']);
		return res.status;
	},
	'members.remove': async (c) => {
		const target = await throwaway('meekijker');
		const res = await c.delete(`/api/v1/doetanks/${doetankId}/members/${target.id}`);
		expect((await members()).some((m) => m.userId === target.id)).toBe(res.status !== 204);
		return res.status;
	},
	history: async (c) => {
		const res = await c.get<{ days: { day: string }[] }>(`/api/v1/doetanks/${doetankId}/history`);
		if (res.status === 200) expect(Array.isArray(res.body.days)).toBe(true);
		const day = await c.get(`/api/v1/doetanks/${doetankId}/history/2026-01-01`);
		expect(day.status).toBe(res.status);
		const rounds = await c.get<{ submissions: unknown[] }>(`/api/v1/doetanks/${doetankId}/history/terugkoppelmomenten`);
		expect(rounds.status).toBe(res.status);
		if (rounds.status === 200) expect(Array.isArray(rounds.body.submissions)).toBe(true);
		const versions = await c.get<{ versions: unknown[] }>(`/api/v1/doetanks/${doetankId}/history/versions`);
		expect(versions.status).toBe(res.status);
		if (versions.status === 200) expect(Array.isArray(versions.body.versions)).toBe(true);
		return res.status;
	},
	'history.name': async (c, label) => {
		const name = `Matrix ${label}`.slice(0, 80);
		const res = await c.post(`/api/v1/doetanks/${doetankId}/history/versions`, { name });
		const listed = await owner.get<{ versions: { name: string | null }[] }>(
			`/api/v1/doetanks/${doetankId}/history/versions`
		);
		expect(listed.status).toBe(200);
		expect(listed.body.versions.some((v) => v.name === name)).toBe(res.status === 201);
		return res.status;
	},
	'history.rename': async (c, label) => {
		const id = await ownersNamedVersion(`Te hernoemen ${label}`);
		const name = `Hernoemd ${label}`.slice(0, 80);
		const res = await c.put(`/api/v1/doetanks/${doetankId}/history/versions/${id}`, { name });
		expect((await namedVersions()).get(id)).toBe(res.status === 204 ? name : `Te hernoemen ${label}`.slice(0, 80));
		return res.status;
	},
	'history.delete': async (c, label) => {
		const id = await ownersNamedVersion(`Te verwijderen ${label}`);
		const res = await c.delete(`/api/v1/doetanks/${doetankId}/history/versions/${id}`);
		expect((await namedVersions()).has(id)).toBe(res.status !== 204);
		return res.status;
	},
	'comments.view': async (c) => {
		const res = await c.get<{ threads: unknown[] }>(`/api/v1/doetanks/${doetankId}/comments`);
		if (res.status === 200) expect(Array.isArray(res.body.threads)).toBe(true);
		return res.status;
	},
	'comments.add': async (c, label) => {
		const body = `Opmerking van ${label}`;
		const res = await c.post(`/api/v1/doetanks/${doetankId}/comments`, newComment(body));
		expect((await threads()).some((t) => t.body === body)).toBe(res.status === 201);
		return res.status;
	},
	// On a thread the trekker started, so "own thread" never counts here.
	'comments.resolve': async (c) => {
		const id = await ownerThread();
		const res = await c.request('PATCH', `/api/v1/doetanks/${doetankId}/comments/${id}`, { json: { resolved: true } });
		const after = (await threads()).find((t) => t.id === id);
		expect(after?.resolvedAt !== null).toBe(res.status === 200);
		return res.status;
	},
	'comments.delete': async (c) => {
		const id = await ownerThread();
		const res = await c.delete(`/api/v1/doetanks/${doetankId}/comments/${id}`);
		expect((await threads()).some((t) => t.id === id)).toBe(res.status !== 204);
		return res.status;
	},
	invite: async (c) => {
		const res = await c.post<InvitationBody>(`/api/v1/doetanks/${doetankId}/invitations`, { roles: ['lid'] });
		if (res.status === 201) expect(res.body.token).toMatch(/^[a-z0-9]{20,}$/);
		else expect(res.text).not.toContain('token');
		return res.status;
	}
};

beforeAll(async () => {
	// Every comment cell starts with a thread by the trekker: more than the default rate per minute.
	server = await startServer({ demo: true, env: { COMMENT_MAX_PER_USER_PER_MINUTE: '1000' } });
	base = server.baseUrl;

	const trekker = await register(base, newAccount('Trekker'));
	owner = trekker.client;
	const created = await owner.post<DoetankDetail>('/api/v1/doetanks', {
		name: 'Matrix',
		onderwerp: 'Wie mag wat',
		beoogdDoel: 'Elke cel van de tabel klopt'
	});
	expect(created.status).toBe(201);
	doetankId = created.body.doetank.id;
	// The creator starts as trekker + lid; keep only trekker.
	const own = await owner.put(`/api/v1/doetanks/${doetankId}/members/${trekker.id}`, { roles: ['trekker'] });
	expect(own.status, own.text).toBe(200);
	clients.set('trekker', owner);
	userIds.set('trekker', trekker.id);

	for (const actor of ['lid', 'coach', 'opdrachtgever', 'besluitvormer', 'meekijker'] as const) {
		const user = await register(base, newAccount(actor));
		await addMember(owner, doetankId, user.client, { email: user.account.email, roles: [actor] });
		clients.set(actor, user.client);
		userIds.set(actor, user.id);
		emails.set(actor, user.account.email);
	}
	clients.set('network member, not a member', (await register(base, newAccount('Outsider'))).client);
	clients.set('network coach, not a member', await login(base, DEMO_COACH, DEMO_PASSWORD));
	clients.set('network admin, not a member', await login(base, DEMO_ADMIN, DEMO_PASSWORD));
	clients.set('logged out', new ApiClient(base));
});

afterAll(async () => {
	await server?.stop();
});

describe('authorization matrix set-up', () => {
	it('gives each member actor exactly one Doetank role', async () => {
		const list = await members();
		for (const [actor, role] of Object.entries(MEMBER_ROLES)) {
			const m = list.find((x) => x.userId === userIds.get(actor as ActorKey));
			expect(m?.roles, actor).toEqual([role]);
		}
		expect(list).toHaveLength(6);
	});

	it.each([
		['network member, not a member', 'member'],
		['network coach, not a member', 'coach'],
		['network admin, not a member', 'admin'],
		['trekker', 'member'],
		['coach', 'member']
	] as const)('%s has network role %s', async (actor, networkRole) => {
		const res = await actorClient(actor).get<SessionBody>('/api/v1/session');
		expect(res.status).toBe(200);
		expect(res.body.user.networkRole).toBe(networkRole);
	});
});

describe('role × action matrix over HTTP', () => {
	const cells = ACTORS.flatMap((actor) => ACTIONS.map((action) => [actor, action, EXPECTED[actor][action]] as const));

	it.each(cells)('%s × %s → %i', async (actor, action, expected) => {
		const status = await PERFORM[action](actorClient(actor), actor);
		expect(status).toBe(expected);
	});

	it('still has its trekker and the six single-role members after the matrix', async () => {
		const list = await members();
		for (const [actor, role] of Object.entries(MEMBER_ROLES)) {
			expect(list.find((m) => m.userId === userIds.get(actor as ActorKey))?.roles, actor).toEqual([role]);
		}
	});
});

describe('network-wide Doetank list', () => {
	const EXPECTED_LIST: Array<[ActorKey, number, boolean]> = [
		['network admin, not a member', 200, true],
		['network coach, not a member', 200, true],
		['network member, not a member', 200, false],
		['meekijker', 200, false],
		['logged out', 401, false]
	];

	it.each(EXPECTED_LIST)(
		'%s: GET /api/v1/doetanks → %i, sees the whole network: %s',
		async (actor, status, seesAll) => {
			const res = await actorClient(actor).get<DoetankList>('/api/v1/doetanks');
			expect(res.status).toBe(status);
			if (status !== 200) return;
			if (seesAll) {
				expect(res.body.all?.map((d) => d.id)).toContain(doetankId);
				expect(res.body.all?.some((d) => d.isDemo)).toBe(true);
			} else {
				expect(res.body.all).toBeNull();
			}
			const inMine = res.body.mine.some((d) => d.id === doetankId);
			expect(inMine).toBe(actor === 'meekijker');
		}
	);
});

/**
 * Governance actions, written out by hand like the table above:
 * - phase overview, agreement, checkpoint list and audit events: anyone who may view the Doetank;
 * - proposing a transition: trekker, Doetank coach or network admin; overriding a closed gate: network admin only;
 * - editing the agreement: trekker, lid, coach, opdrachtgever, besluitvormer; confirming it: the opdrachtgever only;
 * - planning a checkpoint: trekker, lid, coach, opdrachtgever; submitting: trekker, lid, coach;
 * - approving or asking for changes: opdrachtgever or besluitvormer only (never members, coaches or admins);
 * - a checkpoint's frozen content: any member or a network admin (like the live document).
 */
const GOV_ACTIONS = [
	'phase.view',
	'phase.propose',
	'phase.override',
	'agreement.view',
	'agreement.edit',
	'agreement.confirm',
	'checkpoint.list',
	'checkpoint.create',
	'checkpoint.view',
	'checkpoint.submit',
	'checkpoint.approve',
	'checkpoint.requestChanges',
	'audit.view'
] as const;
type GovAction = (typeof GOV_ACTIONS)[number];

// prettier-ignore
const GOV_EXPECTED: Record<ActorKey, Record<GovAction, number>> = {
	'trekker':                      { 'phase.view': 200, 'phase.propose': 201, 'phase.override': 403, 'agreement.view': 200, 'agreement.edit': 200, 'agreement.confirm': 403, 'checkpoint.list': 200, 'checkpoint.create': 201, 'checkpoint.view': 200, 'checkpoint.submit': 201, 'checkpoint.approve': 403, 'checkpoint.requestChanges': 403, 'audit.view': 200 },
	'lid':                          { 'phase.view': 200, 'phase.propose': 403, 'phase.override': 403, 'agreement.view': 200, 'agreement.edit': 200, 'agreement.confirm': 403, 'checkpoint.list': 200, 'checkpoint.create': 201, 'checkpoint.view': 200, 'checkpoint.submit': 201, 'checkpoint.approve': 403, 'checkpoint.requestChanges': 403, 'audit.view': 200 },
	'coach':                        { 'phase.view': 200, 'phase.propose': 201, 'phase.override': 403, 'agreement.view': 200, 'agreement.edit': 200, 'agreement.confirm': 403, 'checkpoint.list': 200, 'checkpoint.create': 201, 'checkpoint.view': 200, 'checkpoint.submit': 201, 'checkpoint.approve': 403, 'checkpoint.requestChanges': 403, 'audit.view': 200 },
	'opdrachtgever':                { 'phase.view': 200, 'phase.propose': 403, 'phase.override': 403, 'agreement.view': 200, 'agreement.edit': 200, 'agreement.confirm': 201, 'checkpoint.list': 200, 'checkpoint.create': 201, 'checkpoint.view': 200, 'checkpoint.submit': 403, 'checkpoint.approve': 201, 'checkpoint.requestChanges': 201, 'audit.view': 200 },
	'besluitvormer':                { 'phase.view': 200, 'phase.propose': 403, 'phase.override': 403, 'agreement.view': 200, 'agreement.edit': 200, 'agreement.confirm': 403, 'checkpoint.list': 200, 'checkpoint.create': 403, 'checkpoint.view': 200, 'checkpoint.submit': 403, 'checkpoint.approve': 201, 'checkpoint.requestChanges': 201, 'audit.view': 200 },
	'meekijker':                    { 'phase.view': 200, 'phase.propose': 403, 'phase.override': 403, 'agreement.view': 200, 'agreement.edit': 403, 'agreement.confirm': 403, 'checkpoint.list': 200, 'checkpoint.create': 403, 'checkpoint.view': 200, 'checkpoint.submit': 403, 'checkpoint.approve': 403, 'checkpoint.requestChanges': 403, 'audit.view': 200 },
	'network member, not a member': { 'phase.view': 403, 'phase.propose': 403, 'phase.override': 403, 'agreement.view': 403, 'agreement.edit': 403, 'agreement.confirm': 403, 'checkpoint.list': 403, 'checkpoint.create': 403, 'checkpoint.view': 403, 'checkpoint.submit': 403, 'checkpoint.approve': 403, 'checkpoint.requestChanges': 403, 'audit.view': 403 },
	'network coach, not a member':  { 'phase.view': 200, 'phase.propose': 403, 'phase.override': 403, 'agreement.view': 200, 'agreement.edit': 403, 'agreement.confirm': 403, 'checkpoint.list': 200, 'checkpoint.create': 403, 'checkpoint.view': 403, 'checkpoint.submit': 403, 'checkpoint.approve': 403, 'checkpoint.requestChanges': 403, 'audit.view': 200 },
	'network admin, not a member':  { 'phase.view': 200, 'phase.propose': 201, 'phase.override': 201, 'agreement.view': 200, 'agreement.edit': 403, 'agreement.confirm': 403, 'checkpoint.list': 200, 'checkpoint.create': 403, 'checkpoint.view': 200, 'checkpoint.submit': 403, 'checkpoint.approve': 403, 'checkpoint.requestChanges': 403, 'audit.view': 200 },
	'logged out':                   { 'phase.view': 401, 'phase.propose': 401, 'phase.override': 401, 'agreement.view': 401, 'agreement.edit': 401, 'agreement.confirm': 401, 'checkpoint.list': 401, 'checkpoint.create': 401, 'checkpoint.view': 401, 'checkpoint.submit': 401, 'checkpoint.approve': 401, 'checkpoint.requestChanges': 401, 'audit.view': 401 }
};

interface CheckpointBody {
	checkpoint: { id: string; title: string; status: string };
}

const base$ = (path = '') => `/api/v1/doetanks/${doetankId}${path}`;

/** A fresh Doetank of the matrix trekker with the actor in its own role, so a phase move cannot disturb other cells. */
async function freshDoetankFor(actor: ActorKey): Promise<string> {
	const created = await owner.post<DoetankDetail>('/api/v1/doetanks', {
		name: `Fase (${actor})`,
		onderwerp: 'Fasen',
		beoogdDoel: 'Poorten testen'
	});
	expect(created.status).toBe(201);
	const id = created.body.doetank.id;
	const role = MEMBER_ROLES[actor];
	if (role && actor !== 'trekker') {
		await addMember(owner, id, clients.get(actor)!, { email: emails.get(actor)!, roles: [role] });
	}
	return id;
}

const phaseOf = async (id: string) => (await owner.get<{ phase: string }>(`/api/v1/doetanks/${id}/phase`)).body.phase;

async function ownersCheckpoint(submitted: boolean): Promise<string> {
	const res = await owner.post<CheckpointBody>(base$('/checkpoints'), {
		title: 'Door de trekker',
		plannedDay: '2027-01-15',
		subjects: ['probleemdefinitie']
	});
	expect(res.status, res.text).toBe(201);
	if (submitted)
		expect((await owner.post(base$(`/checkpoints/${res.body.checkpoint.id}/submissions`))).status).toBe(201);
	return res.body.checkpoint.id;
}

const statusOf = async (checkpointId: string) =>
	(await owner.get<CheckpointBody>(base$(`/checkpoints/${checkpointId}`))).body.checkpoint.status;

async function agreementVersion(): Promise<{ version: number; confirmed: number | null; spelregels: string }> {
	const res = await owner.get<{
		agreement: { version: number; spelregels: string };
		confirmations: { version: number }[];
	}>(base$('/agreement'));
	expect(res.status).toBe(200);
	return {
		version: res.body.agreement.version,
		confirmed: res.body.confirmations[0]?.version ?? null,
		spelregels: res.body.agreement.spelregels
	};
}

const AGREEMENT = {
	randvoorwaarden: 'r',
	terugkoppelmomenten: 't',
	besluitvormer: 'b',
	informeren: 'i',
	opdrachtgeverDecides: false
};

const GOV_PERFORM: Record<GovAction, (client: ApiClient, actor: ActorKey) => Promise<number>> = {
	'phase.view': async (c) => {
		const res = await c.get<{ phase: string; options: unknown[] }>(base$('/phase'));
		if (res.status === 200) expect(res.body.options.length).toBeGreaterThan(0);
		return res.status;
	},
	'phase.propose': async (c, actor) => {
		const id = await freshDoetankFor(actor);
		const res = await c.post(`/api/v1/doetanks/${id}/transitions`, {
			to: 'gestopt',
			reasonCategory: 'anders',
			explanation: `Matrix ${actor}`
		});
		expect(await phaseOf(id)).toBe(res.status === 201 ? 'gestopt' : 'fase_0');
		return res.status;
	},
	'phase.override': async (c, actor) => {
		const id = await freshDoetankFor(actor);
		const res = await c.post(`/api/v1/doetanks/${id}/transitions`, {
			to: 'fase_1',
			override: true,
			justification: `Matrix ${actor}`
		});
		expect(await phaseOf(id)).toBe(res.status === 201 ? 'fase_1' : 'fase_0');
		return res.status;
	},
	'agreement.view': async (c) => {
		const res = await c.get<{ agreement: { version: number } }>(base$('/agreement'));
		if (res.status === 200) expect(typeof res.body.agreement.version).toBe('number');
		return res.status;
	},
	'agreement.edit': async (c, actor) => {
		const before = await agreementVersion();
		const res = await c.put(base$('/agreement'), {
			version: before.version,
			...AGREEMENT,
			spelregels: `Door ${actor}`
		});
		const after = await agreementVersion();
		expect(after.version).toBe(res.status === 200 ? before.version + 1 : before.version);
		expect(after.spelregels === `Door ${actor}`).toBe(res.status === 200);
		return res.status;
	},
	'agreement.confirm': async (c, actor) => {
		const { version } = await agreementVersion();
		const saved = await owner.put(base$('/agreement'), {
			version,
			...AGREEMENT,
			spelregels: `Te bevestigen (${actor})`
		});
		expect(saved.status, saved.text).toBe(200);
		const res = await c.post(base$('/agreement/confirmations'), { version: version + 1 });
		expect((await agreementVersion()).confirmed === version + 1).toBe(res.status === 201);
		return res.status;
	},
	'checkpoint.list': async (c) => {
		const res = await c.get<{ checkpoints: unknown[]; permissions: { view: boolean } }>(base$('/checkpoints'));
		if (res.status === 200) {
			expect(Array.isArray(res.body.checkpoints)).toBe(true);
			// The list offers links to the content only to whoever may open it.
			const detail = await c.get(base$(`/checkpoints/${await ownersCheckpoint(true)}`));
			expect(res.body.permissions.view).toBe(detail.status === 200);
		}
		return res.status;
	},
	'checkpoint.create': async (c, actor) => {
		const title = `Gepland door ${actor}`;
		const res = await c.post(base$('/checkpoints'), { title, plannedDay: '2027-02-01', subjects: ['actielijst'] });
		const list = await owner.get<{ checkpoints: { title: string }[] }>(base$('/checkpoints'));
		expect(list.body.checkpoints.some((x) => x.title === title)).toBe(res.status === 201);
		return res.status;
	},
	'checkpoint.view': async (c) => {
		const id = await ownersCheckpoint(true);
		const res = await c.get<CheckpointBody>(base$(`/checkpoints/${id}`));
		const state = await c.get(base$(`/checkpoints/${id}/submissions/1/state`));
		expect(state.status).toBe(res.status);
		if (res.status === 200) expect(res.body.checkpoint.id).toBe(id);
		else expect(res.text).not.toContain('rendered');
		return res.status;
	},
	'checkpoint.submit': async (c) => {
		const id = await ownersCheckpoint(false);
		const res = await c.post(base$(`/checkpoints/${id}/submissions`));
		expect(await statusOf(id)).toBe(res.status === 201 ? 'ingediend' : 'gepland');
		return res.status;
	},
	'checkpoint.approve': async (c) => {
		const id = await ownersCheckpoint(true);
		const res = await c.post(base$(`/checkpoints/${id}/reviews`), { decision: 'approve' });
		expect(await statusOf(id)).toBe(res.status === 201 ? 'goedgekeurd' : 'ingediend');
		return res.status;
	},
	'checkpoint.requestChanges': async (c) => {
		const id = await ownersCheckpoint(true);
		const res = await c.post(base$(`/checkpoints/${id}/reviews`), {
			decision: 'request_changes',
			comment: 'Graag scherper'
		});
		expect(await statusOf(id)).toBe(res.status === 201 ? 'aanpassing_gevraagd' : 'ingediend');
		return res.status;
	},
	'audit.view': async (c) => {
		const res = await c.get<{ events: unknown[] }>(base$('/audit'));
		if (res.status === 200) expect(Array.isArray(res.body.events)).toBe(true);
		return res.status;
	}
};

describe('governance role × action matrix over HTTP', () => {
	const cells = ACTORS.flatMap((actor) =>
		GOV_ACTIONS.map((action) => [actor, action, GOV_EXPECTED[actor][action]] as const)
	);

	it.each(cells)('%s × %s → %i', async (actor, action, expected) => {
		const status = await GOV_PERFORM[action](actorClient(actor), actor);
		expect(status).toBe(expected);
	});
});

describe('network-wide governance endpoints', () => {
	it.each([
		['network admin, not a member', 200],
		['network coach, not a member', 200],
		['network member, not a member', 403],
		['trekker', 403],
		['opdrachtgever', 403],
		['logged out', 401]
	] as const)('%s: GET /api/v1/feed/transitions → %i', async (actor, status) => {
		const res = await actorClient(actor).get<{ transitions: { doetankId: string }[] }>('/api/v1/feed/transitions');
		expect(res.status).toBe(status);
		if (status === 200) expect(res.body.transitions.length).toBeGreaterThan(0);
	});

	it.each(ACTORS.map((a) => [a, a === 'logged out' ? 401 : 200] as const))(
		'%s: GET /api/v1/me/inbox → %i, a notice of submitted rounds only for approvers',
		async (actor, status) => {
			const res = await actorClient(actor).get<{ items: { kind: string }[] }>('/api/v1/me/inbox');
			expect(res.status).toBe(status);
			if (status !== 200) return;
			const approver = actor === 'opdrachtgever' || actor === 'besluitvormer';
			expect(res.body.items.some((n) => n.kind === 'checkpoint_submitted')).toBe(approver);
		}
	);
});

/**
 * Instrument actions, written out by hand like the tables above:
 * - the logboek-matrix is the coaches' reflection: the Doetank coach and network coaches read and
 *   write it, a network admin reads it, no other member (nor an outsider) sees it;
 * - the questionnaire results of a Doetank are group figures: anyone who may view the Doetank.
 */
const INSTR_ACTIONS = ['logboek.read', 'logboek.write', 'questionnaire.results'] as const;
type InstrAction = (typeof INSTR_ACTIONS)[number];
// prettier-ignore
const INSTR_EXPECTED: Record<ActorKey, Record<InstrAction, number>> = {
	'trekker':                       { 'logboek.read': 403, 'logboek.write': 403, 'questionnaire.results': 200 },
	'lid':                           { 'logboek.read': 403, 'logboek.write': 403, 'questionnaire.results': 200 },
	'coach':                         { 'logboek.read': 200, 'logboek.write': 200, 'questionnaire.results': 200 },
	'opdrachtgever':                 { 'logboek.read': 403, 'logboek.write': 403, 'questionnaire.results': 200 },
	'besluitvormer':                 { 'logboek.read': 403, 'logboek.write': 403, 'questionnaire.results': 200 },
	'meekijker':                     { 'logboek.read': 403, 'logboek.write': 403, 'questionnaire.results': 200 },
	'network member, not a member':  { 'logboek.read': 403, 'logboek.write': 403, 'questionnaire.results': 403 },
	'network coach, not a member':   { 'logboek.read': 200, 'logboek.write': 200, 'questionnaire.results': 200 },
	'network admin, not a member':   { 'logboek.read': 200, 'logboek.write': 403, 'questionnaire.results': 200 },
	'logged out':                    { 'logboek.read': 401, 'logboek.write': 401, 'questionnaire.results': 401 }
};

const INSTR_PERFORM: Record<InstrAction, (client: ApiClient, actor: ActorKey) => Promise<number>> = {
	'logboek.read': async (c) => {
		const res = await c.get<{ entries: unknown[] }>(`/api/v1/doetanks/${doetankId}/logboek`);
		if (res.status === 200) expect(Array.isArray(res.body.entries)).toBe(true);
		else expect(res.text).not.toContain('stimulerend');
		return res.status;
	},
	'logboek.write': async (c, actor) => {
		const text = `Reflectie van ${actor}`;
		const res = await c.put(`/api/v1/doetanks/${doetankId}/logboek`, {
			moment: 'begin',
			entries: [{ topicId: 'over_jouw_doetank.voortgang', stimulerend: text }]
		});
		const coach = await actorClient('coach').get<{ entries: { stimulerend: string }[] }>(
			`/api/v1/doetanks/${doetankId}/logboek`
		);
		expect(coach.body.entries.some((e) => e.stimulerend === text)).toBe(res.status === 200);
		return res.status;
	},
	'questionnaire.results': async (c) => {
		const res = await c.get<{ waves: unknown[] }>(`/api/v1/doetanks/${doetankId}/questionnaire`);
		if (res.status === 200) expect(Array.isArray(res.body.waves)).toBe(true);
		return res.status;
	}
};

describe('instrument actions: role × action over HTTP', () => {
	const cells = ACTORS.flatMap((actor) =>
		INSTR_ACTIONS.map((action) => [actor, action, INSTR_EXPECTED[actor][action]] as const)
	);

	it.each(cells)('%s × %s → %i', async (actor, action, expected) => {
		const status = await INSTR_PERFORM[action](actorClient(actor), actor);
		expect(status).toBe(expected);
	});
});

/**
 * The coach dashboard: a coach sees only the Doetanks they coach, a network admin all of them; a
 * network coach who does not coach this Doetank does not get it (they have the network overview).
 */
describe('coach dashboard rows', () => {
	const LISTED: Record<ActorKey, number | boolean> = {
		trekker: false,
		lid: false,
		coach: true,
		opdrachtgever: false,
		besluitvormer: false,
		meekijker: false,
		'network member, not a member': false,
		'network coach, not a member': false,
		'network admin, not a member': true,
		'logged out': 401
	};

	it.each(ACTORS.map((a) => [a, LISTED[a]] as const))(
		'%s: GET /api/v1/monitoring/dashboard lists the Doetank: %s',
		async (actor, expected) => {
			const res = await actorClient(actor).get<{ rows: { id: string; signals: unknown[] }[] }>(
				'/api/v1/monitoring/dashboard'
			);
			if (expected === 401) return expect(res.status).toBe(401);
			expect(res.status).toBe(200);
			expect(res.body.rows.some((r) => r.id === doetankId)).toBe(expected);
		}
	);

	it.each(
		ACTORS.map(
			(a) => [a, a === 'coach' || a === 'network admin, not a member' ? 204 : a === 'logged out' ? 401 : 403] as const
		)
	)('%s: PUT /api/v1/doetanks/{id}/note → %i', async (actor, status) => {
		const res = await actorClient(actor).put(`/api/v1/doetanks/${doetankId}/note`, {
			bijzonderheden: `Notitie van ${actor}`
		});
		expect(res.status).toBe(status);
	});
});

/**
 * The Meten & Monitoren report covers the whole network: network admins and network coaches only;
 * every Doetank role (also the Doetank's own coach, a network member) gets 403.
 */
describe('Meten & Monitoren report', () => {
	const period = 'from=2026-01-01&to=2026-12-31';
	const STATUS = (actor: ActorKey) =>
		actor === 'logged out'
			? 401
			: actor === 'network admin, not a member' || actor === 'network coach, not a member'
				? 200
				: 403;

	it.each(ACTORS.map((a) => [a, STATUS(a)] as const))(
		'%s: GET /api/v1/report, /api/v1/report.csv and /api/v1/report.md → %i',
		async (actor, status) => {
			const json = await actorClient(actor).get<{ report: { doe: { started: number } } }>(`/api/v1/report?${period}`);
			expect(json.status).toBe(status);
			if (status === 200) expect(typeof json.body.report.doe.started).toBe('number');
			const csv = await actorClient(actor).get(`/api/v1/report.csv?${period}`);
			expect(csv.status).toBe(status);
			expect(csv.headers.get('content-type') ?? '').toContain(status === 200 ? 'text/csv' : 'application/json');
			const markdown = await actorClient(actor).get(`/api/v1/report.md?${period}`);
			expect(markdown.status).toBe(status);
			expect(markdown.headers.get('content-type') ?? '').toContain(
				status === 200 ? 'text/markdown' : 'application/json'
			);
		}
	);
});

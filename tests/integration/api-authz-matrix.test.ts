import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ApiClient,
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

const ACTIONS = ['view', 'members.view', 'update', 'members.add', 'members.changeRoles', 'members.remove', 'invite', 'history'] as const;
type ActionKey = (typeof ACTIONS)[number];

/**
 * The intended policy, written out by hand (not derived from src/lib/domain/policy.ts):
 * - viewing the Doetank and its members: any member, network admin or network coach;
 * - updating, managing members and inviting: Doetank trekker or Doetank coach, or network admin;
 * - the live document's version history: any member, or a network admin (not a network coach);
 * - logged out: 401; otherwise not allowed: 403.
 */
// prettier-ignore
const EXPECTED: Record<ActorKey, Record<ActionKey, number>> = {
	'trekker':                       { view: 200, 'members.view': 200, update: 200, 'members.add': 201, 'members.changeRoles': 200, 'members.remove': 204, invite: 201, history: 200 },
	'lid':                           { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200 },
	'coach':                         { view: 200, 'members.view': 200, update: 200, 'members.add': 201, 'members.changeRoles': 200, 'members.remove': 204, invite: 201, history: 200 },
	'opdrachtgever':                 { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200 },
	'besluitvormer':                 { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200 },
	'meekijker':                     { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 200 },
	'network member, not a member':  { view: 403, 'members.view': 403, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 403 },
	'network coach, not a member':   { view: 200, 'members.view': 200, update: 403, 'members.add': 403, 'members.changeRoles': 403, 'members.remove': 403, invite: 403, history: 403 },
	'network admin, not a member':   { view: 200, 'members.view': 200, update: 200, 'members.add': 201, 'members.changeRoles': 200, 'members.remove': 204, invite: 201, history: 200 },
	'logged out':                    { view: 401, 'members.view': 401, update: 401, 'members.add': 401, 'members.changeRoles': 401, 'members.remove': 401, invite: 401, history: 401 }
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
		const res = await owner.post(`/api/v1/doetanks/${doetankId}/members`, { email: user.account.email, roles: [role] });
		expect(res.status, res.text).toBe(201);
	}
	return { id: user.id, email: user.account.email };
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
		expect((await members()).some((m) => m.userId === target.id)).toBe(res.status === 201);
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
	server = await startServer({ demo: true });
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
		const res = await owner.post(`/api/v1/doetanks/${doetankId}/members`, { email: user.account.email, roles: [actor] });
		expect(res.status, res.text).toBe(201);
		clients.set(actor, user.client);
		userIds.set(actor, user.id);
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

	it.each(EXPECTED_LIST)('%s: GET /api/v1/doetanks → %i, sees the whole network: %s', async (actor, status, seesAll) => {
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
	});
});

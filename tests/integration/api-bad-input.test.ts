import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ApiClient,
	addMember,
	expectApiError,
	login,
	newAccount,
	register,
	type Account,
	type ApiResponse,
	type DoetankDetail,
	type DoetankList,
	type Member,
	type RequestOptions,
	type SessionSummary
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';

/** Limits from src/lib/validation/fields.ts (LIMITS), written out on purpose. */
const LIMITS = { name: 80, email: 254, passwordMin: 10, passwordMax: 200, doetankName: 120, text: 2000, roles: 6 };

/** 255 characters: one over the limit, otherwise a well-formed address. */
const tooLongEmail = () => `${'a'.repeat(LIMITS.email + 1 - '@example.org'.length)}@example.org`;
const sevenRoles = ['trekker', 'lid', 'coach', 'opdrachtgever', 'besluitvormer', 'meekijker', 'lid'];

const DOETANK = { name: 'Proeftuin', onderwerp: 'Invoer die niet klopt', beoogdDoel: 'Niets wordt half opgeslagen' };

let server: TestServer;
let base: string;
let admin: ApiClient;
let doetankId: string;
let probeDoetankId: string;
let memberId: string;
let addable: Account;
let candidate: Account;
let loginUser: { client: ApiClient; account: Account };
let passwordUser: { client: ApiClient; account: Account; other: ApiClient };
let checkpointId: string;
const anonymous = () => new ApiClient(base);

beforeAll(async () => {
	server = await startServer();
	base = server.baseUrl;
	const first = await register(base, newAccount('Admin'));
	admin = first.client;
	const created = await admin.post<DoetankDetail>('/api/v1/doetanks', DOETANK);
	expect(created.status).toBe(201);
	doetankId = created.body.doetank.id;
	const probe = await admin.post<DoetankDetail>('/api/v1/doetanks', { ...DOETANK, name: 'Probe' });
	expect(probe.status).toBe(201);
	probeDoetankId = probe.body.doetank.id;

	const member = await register(base, newAccount('Member'));
	memberId = member.id;
	await addMember(admin, doetankId, member.client, { email: member.account.email, roles: ['lid'] });
	addable = (await register(base, newAccount('Addable'))).account;
	candidate = newAccount('Candidate');

	const l = await register(base, newAccount('Login'));
	loginUser = { client: l.client, account: l.account };
	const p = await register(base, newAccount('Password'));
	passwordUser = {
		client: p.client,
		account: p.account,
		other: await login(base, p.account.email, p.account.password)
	};

	const cp = await admin.post<{ checkpoint: { id: string } }>(`/api/v1/doetanks/${doetankId}/checkpoints`, {
		title: 'Probleemdefinitie',
		plannedDay: '2027-01-15',
		subjects: ['probleemdefinitie']
	});
	expect(cp.status, cp.text).toBe(201);
	checkpointId = cp.body.checkpoint.id;
	expect((await admin.post(`/api/v1/doetanks/${doetankId}/checkpoints/${checkpointId}/submissions`)).status).toBe(201);
});

const governance = (path: string) => admin.get(`/api/v1/doetanks/${doetankId}${path}`).then((r) => r.body);

afterAll(async () => {
	await server?.stop();
});

/** Whether this account exists, seen in the admin's user list ("add member" no longer tells). */
async function accountExists(account: Account): Promise<boolean> {
	const res = await admin.get<{ users: { email: string }[] }>('/api/v1/users');
	expect(res.status, res.text).toBe(200);
	return res.body.users.some((u) => u.email === account.email);
}

async function sessionIds(client: ApiClient): Promise<string[]> {
	const res = await client.get<{ sessions: SessionSummary[] }>('/api/v1/me/sessions');
	expect(res.status).toBe(200);
	return res.body.sessions.map((s) => s.id).sort();
}

async function membersOf(id: string): Promise<Member[]> {
	const res = await admin.get<{ members: Member[] }>(`/api/v1/doetanks/${id}/members`);
	expect(res.status).toBe(200);
	return res.body.members;
}

async function detailOf(id: string): Promise<DoetankDetail['doetank']> {
	const res = await admin.get<DoetankDetail>(`/api/v1/doetanks/${id}`);
	expect(res.status).toBe(200);
	return res.body.doetank;
}

interface BodyEndpoint {
	name: string;
	method: 'POST' | 'PUT';
	path: () => string;
	client: () => ApiClient;
	valid: () => Record<string, unknown>;
	required: string[];
	wrongTypes: Record<string, unknown>;
	overlong: Record<string, () => unknown>;
	/** Fields rightly named together with an overlong one (e.g. a confirmation that now differs). */
	coNamed?: Record<string, string[]>;
	/** Other invalid values: label, patch on the valid body, the field that must be named. */
	invalid: Array<[string, () => Record<string, unknown>, string]>;
	/** What the endpoint could have written; must be equal before and after a bad request. */
	snapshot: () => Promise<unknown>;
}

const ENDPOINTS: BodyEndpoint[] = [
	{
		name: 'POST /api/v1/users',
		method: 'POST',
		path: () => '/api/v1/users',
		client: anonymous,
		valid: () => ({ ...candidate }),
		required: ['email', 'name', 'password'],
		wrongTypes: { email: 42, name: ['Naam'], password: 12345678901, invitation: 42 },
		overlong: {
			email: tooLongEmail,
			name: () => 'n'.repeat(LIMITS.name + 1),
			password: () => 'p'.repeat(LIMITS.passwordMax + 1),
			invitation: () => 'i'.repeat(201)
		},
		invalid: [
			['malformed e-mail', () => ({ email: 'not-an-email' }), 'email'],
			['blank name', () => ({ name: '   ' }), 'name'],
			['password below the minimum', () => ({ password: 'p'.repeat(LIMITS.passwordMin - 1) }), 'password']
		],
		snapshot: async () => ({ candidateExists: await accountExists(candidate) })
	},
	{
		name: 'POST /api/v1/session',
		method: 'POST',
		path: () => '/api/v1/session',
		client: anonymous,
		valid: () => ({ email: loginUser.account.email, password: loginUser.account.password }),
		required: ['email', 'password'],
		wrongTypes: { email: true, password: 42 },
		overlong: { email: tooLongEmail, password: () => 'p'.repeat(LIMITS.passwordMax + 1) },
		invalid: [
			['malformed e-mail', () => ({ email: 'nope' }), 'email'],
			['empty password', () => ({ password: '' }), 'password']
		],
		snapshot: async () => ({ sessions: await sessionIds(loginUser.client) })
	},
	{
		name: 'POST /api/v1/doetanks',
		method: 'POST',
		path: () => '/api/v1/doetanks',
		client: () => admin,
		valid: () => ({ name: 'Nieuwe Doetank', onderwerp: 'Iets', beoogdDoel: 'Iets anders' }),
		required: ['name', 'onderwerp', 'beoogdDoel'],
		wrongTypes: { name: 42, onderwerp: { text: 'x' }, beoogdDoel: false },
		overlong: {
			name: () => 'n'.repeat(LIMITS.doetankName + 1),
			onderwerp: () => 'o'.repeat(LIMITS.text + 1),
			beoogdDoel: () => 'b'.repeat(LIMITS.text + 1)
		},
		invalid: [['blank name', () => ({ name: ' \t ' }), 'name']],
		snapshot: async () => {
			const res = await admin.get<DoetankList>('/api/v1/doetanks');
			return { mine: res.body.mine.map((d) => d.id).sort(), all: res.body.all?.map((d) => d.id).sort() };
		}
	},
	{
		name: 'PUT /api/v1/doetanks/:id',
		method: 'PUT',
		path: () => `/api/v1/doetanks/${doetankId}`,
		client: () => admin,
		valid: () => ({ name: 'Andere naam', onderwerp: 'Ander onderwerp', beoogdDoel: 'Ander doel' }),
		required: ['name', 'onderwerp', 'beoogdDoel'],
		wrongTypes: { name: 42, onderwerp: ['x'], beoogdDoel: true },
		overlong: {
			name: () => 'n'.repeat(LIMITS.doetankName + 1),
			onderwerp: () => 'o'.repeat(LIMITS.text + 1),
			beoogdDoel: () => 'b'.repeat(LIMITS.text + 1)
		},
		invalid: [['empty onderwerp', () => ({ onderwerp: '' }), 'onderwerp']],
		snapshot: () => detailOf(doetankId)
	},
	{
		name: 'POST /api/v1/doetanks/:id/members',
		method: 'POST',
		path: () => `/api/v1/doetanks/${doetankId}/members`,
		client: () => admin,
		valid: () => ({ email: addable.email, roles: ['lid'] }),
		required: ['email', 'roles'],
		wrongTypes: { email: 42, roles: 'lid', lidType: 1, directStake: 'yes' },
		overlong: { email: tooLongEmail, roles: () => sevenRoles },
		invalid: [
			['unknown role', () => ({ roles: ['koning'] }), 'roles'],
			['network role as Doetank role', () => ({ roles: ['admin'] }), 'roles'],
			['no roles', () => ({ roles: [] }), 'roles'],
			['unknown lidType', () => ({ lidType: 'midden' }), 'lidType'],
			['malformed e-mail', () => ({ email: 'x@' }), 'email']
		],
		snapshot: () => membersOf(doetankId)
	},
	{
		name: 'PUT /api/v1/doetanks/:id/members/:userId',
		method: 'PUT',
		path: () => `/api/v1/doetanks/${doetankId}/members/${memberId}`,
		client: () => admin,
		valid: () => ({ roles: ['meekijker'], lidType: null, directStake: false }),
		required: ['roles'],
		wrongTypes: { roles: 'meekijker', lidType: 1, directStake: 'true' },
		overlong: { roles: () => sevenRoles },
		invalid: [
			['unknown role', () => ({ roles: ['lid', 'koning'] }), 'roles'],
			['role in the wrong case', () => ({ roles: ['Trekker'] }), 'roles'],
			['no roles', () => ({ roles: [] }), 'roles'],
			['unknown lidType', () => ({ lidType: 'midden' }), 'lidType']
		],
		snapshot: () => membersOf(doetankId)
	},
	{
		name: 'POST /api/v1/doetanks/:id/invitations',
		method: 'POST',
		path: () => `/api/v1/doetanks/${doetankId}/invitations`,
		client: () => admin,
		valid: () => ({ roles: ['lid'], lidType: 'kern' }),
		required: ['roles'],
		wrongTypes: { roles: { lid: true }, lidType: true },
		overlong: { roles: () => sevenRoles },
		invalid: [
			['unknown role', () => ({ roles: ['koning'] }), 'roles'],
			['no roles', () => ({ roles: [] }), 'roles'],
			['unknown lidType', () => ({ lidType: 'midden' }), 'lidType']
		],
		// Invitations cannot be listed over the API; the Doetank and its members must stay as they are.
		snapshot: async () => ({ doetank: await detailOf(doetankId), members: await membersOf(doetankId) })
	},
	{
		name: 'POST /api/v1/doetanks/:id/history/versions',
		method: 'POST',
		path: () => `/api/v1/doetanks/${doetankId}/history/versions`,
		client: () => admin,
		valid: () => ({ name: 'vóór de café-sessie' }),
		required: ['name'],
		wrongTypes: { name: 5 },
		overlong: { name: () => 'n'.repeat(81) },
		invalid: [['only spaces', () => ({ name: '   ' }), 'name']],
		snapshot: async () => (await admin.get(`/api/v1/doetanks/${doetankId}/history/versions`)).body
	},
	{
		name: 'PUT /api/v1/me/password',
		method: 'PUT',
		path: () => '/api/v1/me/password',
		client: () => passwordUser.client,
		valid: () => ({
			currentPassword: passwordUser.account.password,
			newPassword: 'een-nieuw-wachtwoord',
			confirmPassword: 'een-nieuw-wachtwoord'
		}),
		required: ['currentPassword', 'newPassword', 'confirmPassword'],
		wrongTypes: { currentPassword: 42, newPassword: 12345678901, confirmPassword: null },
		overlong: {
			currentPassword: () => 'c'.repeat(LIMITS.passwordMax + 1),
			newPassword: () => 'n'.repeat(LIMITS.passwordMax + 1),
			confirmPassword: () => 'c'.repeat(LIMITS.passwordMax + 1)
		},
		coNamed: { newPassword: ['confirmPassword'] },
		invalid: [
			['new password below the minimum', () => ({ newPassword: 'kort', confirmPassword: 'kort' }), 'newPassword'],
			['confirmation differs', () => ({ confirmPassword: 'iets-heel-anders' }), 'confirmPassword'],
			[
				'new password equals the current one',
				() => ({ newPassword: passwordUser.account.password, confirmPassword: passwordUser.account.password }),
				'newPassword'
			],
			['wrong current password', () => ({ currentPassword: 'niet-mijn-wachtwoord' }), 'currentPassword']
		],
		// A password change signs out the other session, so an unchanged session list means no change.
		snapshot: async () => ({ sessions: await sessionIds(passwordUser.client) })
	},
	{
		name: 'POST /api/v1/doetanks/:id/transitions',
		method: 'POST',
		path: () => `/api/v1/doetanks/${doetankId}/transitions`,
		client: () => admin,
		valid: () => ({ to: 'gestopt', reasonCategory: 'anders', explanation: 'Geen tijd' }),
		required: ['to'],
		wrongTypes: { to: 1, reasonCategory: 5, explanation: 7, resultSummary: false, override: 'yes', justification: [] },
		overlong: {
			explanation: () => 'e'.repeat(2001),
			resultSummary: () => 'r'.repeat(2001),
			justification: () => 'j'.repeat(2001)
		},
		invalid: [
			['unknown phase', () => ({ to: 'fase_9' }), 'to'],
			['unknown stop reason', () => ({ reasonCategory: 'geen_zin' }), 'reasonCategory'],
			['stopping without a reason', () => ({ reasonCategory: null }), 'reasonCategory'],
			['stopping with a blank explanation', () => ({ explanation: '  ' }), 'explanation'],
			['completing without a result summary', () => ({ to: 'afgerond' }), 'resultSummary'],
			['override without a justification', () => ({ override: true }), 'justification']
		],
		snapshot: () => governance('/phase')
	},
	{
		name: 'PUT /api/v1/doetanks/:id/agreement',
		method: 'PUT',
		path: () => `/api/v1/doetanks/${doetankId}/agreement`,
		client: () => admin,
		valid: () => ({
			version: 0,
			randvoorwaarden: 'r',
			spelregels: 's',
			terugkoppelmomenten: 't',
			besluitvormer: 'b',
			informeren: 'i'
		}),
		required: ['version'],
		wrongTypes: { version: '0', randvoorwaarden: 5, spelregels: ['s'], besluitvormer: {}, opdrachtgeverDecides: 'ja' },
		overlong: {
			randvoorwaarden: () => 'r'.repeat(4001),
			terugkoppelmomenten: () => 't'.repeat(4001),
			besluitvormer: () => 'b'.repeat(201)
		},
		invalid: [
			['negative version', () => ({ version: -1 }), 'version'],
			['fractional version', () => ({ version: 0.5 }), 'version']
		],
		snapshot: () => governance('/agreement')
	},
	{
		name: 'POST /api/v1/doetanks/:id/agreement/confirmations',
		method: 'POST',
		path: () => `/api/v1/doetanks/${doetankId}/agreement/confirmations`,
		client: () => admin,
		valid: () => ({ version: 1 }),
		required: ['version'],
		wrongTypes: { version: '1' },
		overlong: {},
		invalid: [['version 0', () => ({ version: 0 }), 'version']],
		snapshot: () => governance('/agreement')
	},
	{
		name: 'POST /api/v1/doetanks/:id/checkpoints',
		method: 'POST',
		path: () => `/api/v1/doetanks/${doetankId}/checkpoints`,
		client: () => admin,
		valid: () => ({ title: 'Business case', plannedDay: '2027-03-01', subjects: ['businessCase:doetank'] }),
		required: ['title', 'plannedDay', 'subjects'],
		wrongTypes: { title: 1, plannedDay: 20270301, subjects: 'probleemdefinitie' },
		overlong: {
			title: () => 't'.repeat(201),
			subjects: () => Array.from({ length: 21 }, (_, i) => `businessCase:pilot:${i}`)
		},
		invalid: [
			['a day that does not exist', () => ({ plannedDay: '2027-02-30' }), 'plannedDay'],
			['a day in another format', () => ({ plannedDay: '01-03-2027' }), 'plannedDay'],
			['an unknown subject', () => ({ subjects: ['begroting'] }), 'subjects'],
			['no subjects', () => ({ subjects: [] }), 'subjects'],
			['a blank title', () => ({ title: '  ' }), 'title']
		],
		snapshot: () => governance('/checkpoints')
	},
	{
		name: 'PUT /api/v1/doetanks/:id/checkpoints/:checkpointId',
		method: 'PUT',
		path: () => `/api/v1/doetanks/${doetankId}/checkpoints/${checkpointId}`,
		client: () => admin,
		valid: () => ({ title: 'Verzet', plannedDay: '2027-04-01', subjects: ['probleemdefinitie'] }),
		required: ['title', 'plannedDay', 'subjects'],
		wrongTypes: { title: false, plannedDay: null, subjects: [1] },
		overlong: { title: () => 't'.repeat(201) },
		invalid: [['an unknown subject', () => ({ subjects: ['businessCase:met spatie'] }), 'subjects']],
		snapshot: () => governance(`/checkpoints/${checkpointId}`)
	},
	{
		name: 'POST /api/v1/doetanks/:id/checkpoints/:checkpointId/reviews',
		method: 'POST',
		path: () => `/api/v1/doetanks/${doetankId}/checkpoints/${checkpointId}/reviews`,
		client: () => admin,
		valid: () => ({ decision: 'approve', comment: 'Akkoord' }),
		required: ['decision'],
		wrongTypes: { decision: true, comment: 5 },
		overlong: { comment: () => 'c'.repeat(4001) },
		invalid: [
			['an unknown decision', () => ({ decision: 'misschien' }), 'decision'],
			['asking for changes without a comment', () => ({ decision: 'request_changes', comment: ' ' }), 'comment']
		],
		snapshot: () => governance(`/checkpoints/${checkpointId}`)
	},
	{
		name: 'POST /api/v1/me/inbox/read',
		method: 'POST',
		path: () => '/api/v1/me/inbox/read',
		client: () => admin,
		valid: () => ({ ids: ['nosuchnotice'] }),
		required: ['ids'],
		wrongTypes: { ids: 'nosuchnotice', all: 'yes' },
		overlong: { ids: () => Array.from({ length: 201 }, (_, i) => `n${i}`) },
		invalid: [
			['ids and all together', () => ({ all: true }), 'ids'],
			['all: false', () => ({ ids: undefined, all: false }), 'all'],
			['an id with a space', () => ({ ids: ['a b'] }), 'ids'],
			['no ids', () => ({ ids: [] }), 'ids']
		],
		snapshot: async () => (await admin.get('/api/v1/me/inbox')).body
	}
];

interface BadCase {
	endpoint: BodyEndpoint;
	label: string;
	request: () => RequestOptions;
	status: 400 | 422;
	code: 'bad_request' | 'validation_failed';
	/** Fields that must be named; `exact` when no others may be. */
	fields?: () => string[];
	exact?: boolean;
}

const RAW_NOT_JSON: Array<[string, string]> = [
	['truncated JSON', '{"name": "x", '],
	['unquoted keys', '{name: 1}'],
	['single quotes', "{'name': 'x'}"],
	['empty body', ''],
	['plain text', 'hello']
];
const RAW_NOT_OBJECT: Array<[string, string]> = [
	['JSON array', '[]'],
	['JSON array of the valid body', '[{}]'],
	['JSON string', '"hello"'],
	['JSON number', '42'],
	['JSON null', 'null'],
	['JSON boolean', 'true']
];

function casesFor(e: BodyEndpoint): BadCase[] {
	const cases: BadCase[] = [];
	for (const [label, raw] of RAW_NOT_JSON) {
		cases.push({
			endpoint: e,
			label: `malformed: ${label}`,
			request: () => ({ raw }),
			status: 400,
			code: 'bad_request'
		});
	}
	for (const [label, raw] of RAW_NOT_OBJECT) {
		const body = label === 'JSON array of the valid body' ? () => JSON.stringify([e.valid()]) : () => raw;
		cases.push({
			endpoint: e,
			label: `not an object: ${label}`,
			request: () => ({ raw: body() }),
			status: 400,
			code: 'bad_request'
		});
	}
	cases.push({
		endpoint: e,
		label: 'empty object',
		request: () => ({ json: {} }),
		status: 422,
		code: 'validation_failed',
		fields: () => e.required,
		exact: true
	});
	for (const field of e.required) {
		cases.push({
			endpoint: e,
			label: `missing ${field}`,
			request: () => {
				const body = e.valid();
				delete body[field];
				return { json: body };
			},
			status: 422,
			code: 'validation_failed',
			fields: () => [field],
			exact: true
		});
	}
	for (const [field, value] of Object.entries(e.wrongTypes)) {
		cases.push({
			endpoint: e,
			label: `wrong type for ${field} (${JSON.stringify(value)})`,
			request: () => ({ json: { ...e.valid(), [field]: value } }),
			status: 422,
			code: 'validation_failed',
			fields: () => [field],
			exact: true
		});
	}
	for (const [field, value] of Object.entries(e.overlong)) {
		cases.push({
			endpoint: e,
			label: `overlong ${field}`,
			request: () => ({ json: { ...e.valid(), [field]: value() } }),
			status: 422,
			code: 'validation_failed',
			fields: () => [...new Set([field, ...(e.coNamed?.[field] ?? [])])],
			exact: true
		});
	}
	for (const [label, patch, field] of e.invalid) {
		cases.push({
			endpoint: e,
			label,
			request: () => ({ json: { ...e.valid(), ...patch() } }),
			status: 422,
			code: 'validation_failed',
			fields: () => [field],
			exact: true
		});
	}
	return cases;
}

describe('bad request bodies are refused and write nothing', () => {
	const cases = ENDPOINTS.flatMap(casesFor);

	it.each(cases.map((c) => [`${c.endpoint.name} · ${c.label} → ${c.status}`, c] as const))('%s', async (_name, c) => {
		const before = await c.endpoint.snapshot();
		const res = await c.endpoint.client().request(c.endpoint.method, c.endpoint.path(), c.request());
		const error = expectApiError(res, c.status, c.code);
		if (c.fields) {
			const named = Object.keys(error.fields ?? {}).sort();
			if (c.exact) expect(named).toEqual([...c.fields()].sort());
			else for (const f of c.fields()) expect(named).toContain(f);
		} else {
			expect(error.fields).toBeUndefined();
		}
		expect(
			res.headers
				.getSetCookie()
				.some((line) => line.startsWith('doetank_session=') && !line.startsWith('doetank_session=;'))
		).toBe(false);
		expect(await c.endpoint.snapshot()).toEqual(before);
	});

	it('leaves every account able to use its original password', async () => {
		await login(base, passwordUser.account.email, passwordUser.account.password);
		expect((await passwordUser.other.get('/api/v1/session')).status).toBe(200);
		expect(await accountExists(candidate)).toBe(false);
		expect((await membersOf(doetankId)).find((m) => m.userId === memberId)?.roles).toEqual(['lid']);
		expect(await detailOf(doetankId)).toMatchObject(DOETANK);
	});

	it('accepts values exactly at the limits', async () => {
		const atLimit = {
			name: 'n'.repeat(LIMITS.doetankName),
			onderwerp: 'o'.repeat(LIMITS.text),
			beoogdDoel: 'b'.repeat(LIMITS.text)
		};
		const res = await admin.put<DoetankDetail>(`/api/v1/doetanks/${probeDoetankId}`, atLimit);
		expect(res.status, res.text).toBe(200);
		expect(res.body.doetank).toMatchObject(atLimit);

		const account = { ...newAccount('Limit'), name: 'x'.repeat(LIMITS.name), password: 'p'.repeat(LIMITS.passwordMax) };
		const user = await register(base, account);
		await login(base, account.email, account.password);
		expect((await user.client.get<{ user: { name: string } }>('/api/v1/session')).body.user.name).toBe(account.name);
		const pw = await user.client.put('/api/v1/me/password', {
			currentPassword: account.password,
			newPassword: 'q'.repeat(LIMITS.passwordMin),
			confirmPassword: 'q'.repeat(LIMITS.passwordMin)
		});
		expect(pw.status, pw.text).toBe(204);
	});
});

describe('unknown ids answer 404', () => {
	const valid = { roles: ['lid'] };
	const cases: Array<[string, () => Promise<{ res: ApiResponse<unknown>; after?: () => Promise<void> }>]> = [
		['GET /doetanks/:unknown', async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank') })],
		['PUT /doetanks/:unknown', async () => ({ res: await admin.put('/api/v1/doetanks/no-such-doetank', DOETANK) })],
		[
			'GET /doetanks/:unknown/members',
			async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/members') })
		],
		[
			'POST /doetanks/:unknown/members',
			async () => ({
				res: await admin.post('/api/v1/doetanks/no-such-doetank/members', { email: addable.email, roles: ['lid'] })
			})
		],
		[
			'PUT /doetanks/:unknown/members/:userId',
			async () => ({ res: await admin.put(`/api/v1/doetanks/no-such-doetank/members/${memberId}`, valid) })
		],
		[
			'DELETE /doetanks/:unknown/members/:userId',
			async () => ({ res: await admin.delete(`/api/v1/doetanks/no-such-doetank/members/${memberId}`) })
		],
		[
			'POST /doetanks/:unknown/invitations',
			async () => ({ res: await admin.post('/api/v1/doetanks/no-such-doetank/invitations', valid) })
		],
		[
			'PUT /doetanks/:id/members/:unknown',
			async () => ({ res: await admin.put(`/api/v1/doetanks/${doetankId}/members/no-such-user`, valid) })
		],
		[
			'DELETE /doetanks/:id/members/:unknown',
			async () => ({ res: await admin.delete(`/api/v1/doetanks/${doetankId}/members/no-such-user`) })
		],
		['DELETE /me/sessions/:unknown', async () => ({ res: await admin.delete('/api/v1/me/sessions/no-such-session') })],
		[
			'GET /doetanks/:unknown/history',
			async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/history') })
		],
		[
			'GET /doetanks/:unknown/history/:day',
			async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/history/2026-11-27') })
		],
		[
			'GET /doetanks/:unknown/history/terugkoppelmomenten',
			async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/history/terugkoppelmomenten') })
		],
		[
			'GET /doetanks/:id/history/terugkoppelmomenten/:unknown',
			async () => ({
				res: await admin.get(`/api/v1/doetanks/${doetankId}/history/terugkoppelmomenten/no-such-submission`)
			})
		],
		[
			'GET /doetanks/:unknown/history/versions',
			async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/history/versions') })
		],
		[
			'POST /doetanks/:unknown/history/versions',
			async () => ({ res: await admin.post('/api/v1/doetanks/no-such-doetank/history/versions', { name: 'x' }) })
		],
		[
			'GET /doetanks/:id/history/versions/:unknown',
			async () => ({ res: await admin.get(`/api/v1/doetanks/${doetankId}/history/versions/no-such-version`) })
		],
		['GET /doetanks/:unknown/phase', async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/phase') })],
		[
			'POST /doetanks/:unknown/transitions',
			async () => ({
				res: await admin.post('/api/v1/doetanks/no-such-doetank/transitions', {
					to: 'gestopt',
					reasonCategory: 'anders',
					explanation: 'x'
				})
			})
		],
		[
			'GET /doetanks/:unknown/agreement',
			async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/agreement') })
		],
		[
			'GET /doetanks/:unknown/checkpoints',
			async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/checkpoints') })
		],
		['GET /doetanks/:unknown/audit', async () => ({ res: await admin.get('/api/v1/doetanks/no-such-doetank/audit') })],
		[
			'GET /doetanks/:id/checkpoints/:unknown',
			async () => ({ res: await admin.get(`/api/v1/doetanks/${doetankId}/checkpoints/no-such-checkpoint`) })
		],
		[
			'POST /doetanks/:id/checkpoints/:unknown/submissions',
			async () => ({
				res: await admin.post(`/api/v1/doetanks/${doetankId}/checkpoints/no-such-checkpoint/submissions`)
			})
		],
		[
			'GET a checkpoint of another Doetank',
			async () => ({ res: await admin.get(`/api/v1/doetanks/${probeDoetankId}/checkpoints/${checkpointId}`) })
		],
		[
			'GET /doetanks/:id/checkpoints/:id?round=9 (no such round)',
			async () => ({ res: await admin.get(`/api/v1/doetanks/${doetankId}/checkpoints/${checkpointId}?round=9`) })
		],
		[
			'GET /doetanks/:id/checkpoints/:id/submissions/9/state',
			async () => ({
				res: await admin.get(`/api/v1/doetanks/${doetankId}/checkpoints/${checkpointId}/submissions/9/state`)
			})
		],
		['GET /invitations/:unknown', async () => ({ res: await anonymous().get('/api/v1/invitations/no-such-token') })],
		['POST /invitations/:unknown', async () => ({ res: await admin.post('/api/v1/invitations/no-such-token') })],
		[
			'POST /users with an unknown invitation',
			async () => {
				const account = newAccount('Uninvited');
				return {
					res: await anonymous().post('/api/v1/users', { ...account, invitation: 'no-such-token' }),
					after: async () => expect(await accountExists(account)).toBe(false)
				};
			}
		]
	];

	it.each(cases)('%s', async (_name, run) => {
		const before = await membersOf(doetankId);
		const { res, after } = await run();
		expectApiError(res, 404, 'not_found');
		await after?.();
		expect(await membersOf(doetankId)).toEqual(before);
	});
});

describe('a version-history day must be a real date', () => {
	it.each(['2026-02-30', '27-11-2026', 'gisteren', '2026-11-27T00:00'])(
		'GET /doetanks/:id/history/%s → 422 naming the day',
		async (day) => {
			const res = await admin.get(`/api/v1/doetanks/${doetankId}/history/${encodeURIComponent(day)}`);
			const error = expectApiError(res, 422, 'validation_failed');
			expect(Object.keys(error.fields ?? {})).toEqual(['day']);
		}
	);

	it('answers a valid day with the document as binary Yjs state', async () => {
		const res = await admin.get(`/api/v1/doetanks/${doetankId}/history/2026-11-27`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/octet-stream');
	});
});

describe('a submission round must be a whole number', () => {
	it.each(['x', '0', '-1', '1.5'])('round %s → 422 naming the round', async (round) => {
		for (const path of [
			`/checkpoints/${checkpointId}?round=${round}`,
			`/checkpoints/${checkpointId}/submissions/${round}/state`
		]) {
			const res = await admin.get(`/api/v1/doetanks/${doetankId}${path}`);
			const error = expectApiError(res, 422, 'validation_failed');
			expect(Object.keys(error.fields ?? {})).toEqual(['round']);
		}
	});
});

describe('unknown API paths answer JSON', () => {
	const paths = ['/api/v1/whatever', '/api/v1/whatever/deeper/still', '/api/v1/doetanks/x/whatever', '/api/v1/me'];
	const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
	const cases = paths.flatMap((p) => methods.map((m) => [m, p] as const));

	it.each(cases)('%s %s → 404 not_found', async (method, path) => {
		for (const client of [anonymous(), admin]) {
			const res = await client.request(method, path, method === 'GET' || method === 'DELETE' ? {} : { json: {} });
			expectApiError(res, 404, 'not_found');
		}
	});

	// The API promises the JSON error envelope for every error (see src/lib/server/http.ts, and the
	// unused 'error.methodNotAllowed' message); SvelteKit's default 405 is plain text.
	it.each([
		['PATCH', '/api/v1/doetanks'],
		['DELETE', '/api/v1/users'],
		['PATCH', '/api/v1/session']
	])('%s %s (known path, unsupported method) → 405 with the JSON error envelope', async (method, path) => {
		const res = await admin.request(method, path, { json: {} });
		expect(res.status).toBe(405);
		expect(res.headers.get('content-type') ?? '').toContain('application/json');
		const body = res.body as { error?: { code?: unknown; message?: unknown } } | undefined;
		expect(typeof body?.error?.code).toBe('string');
		expect(typeof body?.error?.message).toBe('string');
	});
});

/** Every API route that reads a body, found in the source so a new route cannot be forgotten. */
function bodyRoutes(): [method: string, path: string][] {
	const root = path.resolve('src/routes');
	const files = readdirSync(path.join(root, 'api'), { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('+server.ts'))
		.map((f) => path.join(root, 'api', f));
	return files.flatMap((file) => {
		const source = readFileSync(file, 'utf8');
		const route = path
			.dirname(path.relative(root, file))
			.split(path.sep)
			.map((part) => (part.startsWith('[') ? 'x' : part))
			.join('/');
		const handlers = source.split(/export const (?=[A-Z]+: RequestHandler)/).slice(1);
		return handlers
			.filter((h) => h.includes('readBody('))
			.map((h) => [h.slice(0, h.indexOf(':')), `/${route}`] as [string, string]);
	});
}

describe('a logged-out request is answered 401 before its input is judged', () => {
	const routes = bodyRoutes();

	it('finds the routes that read a body', () => {
		expect(routes.length).toBeGreaterThan(20);
		expect(routes).toContainEqual(['PUT', '/api/v1/doetanks/x/note']);
	});

	it.each(routes)('%s %s with malformed JSON and no session → 401', async (method, route) => {
		expectApiError(await anonymous().request(method, route, { raw: '{' }), 401, 'unauthenticated');
	});

	it.each([
		'/api/v1/doetanks/x/checkpoints/y?round=zero',
		'/api/v1/doetanks/x/checkpoints/y/submissions/zero/state',
		'/api/v1/doetanks/x/history/not-a-day'
	])('GET %s with a malformed parameter and no session → 401', async (route) => {
		expectApiError(await anonymous().get(route), 401, 'unauthenticated');
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../../src/lib/domain/workspace';
import {
	ApiClient,
	expectApiError,
	login,
	newAccount,
	register,
	type DoetankDetail,
	type InvitationBody
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import { connectPeer, until, type SyncPeer } from './helpers/sync-client';

interface LiveCafe {
	cafe: { id: string; code: string; startedAt: number | null; endedAt: number | null };
	doetanks: {
		id: string;
		attendees: number;
		present: { userId: string; section: string | null }[];
		growth: { actions: number } | null;
	}[];
}

let server: TestServer;
let base: string;
let coach: ApiClient;
let ann: Awaited<ReturnType<typeof register>>;
let doetankId: string;
let otherId: string;
let cafeId: string;
let code: string;
const peers: SyncPeer[] = [];

beforeAll(async () => {
	server = await startServer({ demo: true });
	base = server.baseUrl;
	coach = await login(base, 'coach@demo.doetank.nl', 'doetank-demo');
	ann = await register(base, newAccount('Ann'));
	doetankId = (
		await ann.client.post<DoetankDetail>('/api/v1/doetanks', {
			name: 'Café-tank',
			onderwerp: 'Samen werken',
			beoogdDoel: 'Een actielijst'
		})
	).body.doetank.id;
	otherId = (
		await ann.client.post<DoetankDetail>('/api/v1/doetanks', {
			name: 'Tweede tank',
			onderwerp: 'Nog iets',
			beoogdDoel: 'Ook iets'
		})
	).body.doetank.id;
});

afterAll(async () => {
	for (const p of peers) p.provider.destroy();
	await server?.stop();
});

/** Reads server-sent events until one satisfies `check`. */
async function waitForSnapshot(client: ApiClient, check: (live: LiveCafe) => boolean, ms = 10_000): Promise<LiveCafe> {
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), ms);
	try {
		const res = await fetch(`${base}/api/v1/cafes/${cafeId}/events`, {
			headers: { cookie: `doetank_session=${client.sessionId}` },
			signal: abort.signal
		});
		expect(res.headers.get('content-type')).toContain('text/event-stream');
		const reader = res.body!.getReader();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) throw new Error('stream ended');
			buffer += new TextDecoder().decode(value);
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = block.split('\n').find((l) => l.startsWith('data: '));
				if (block.startsWith('event: snapshot') && data) {
					const live = JSON.parse(data.slice(6)) as LiveCafe;
					if (check(live)) return live;
				}
			}
		}
	} finally {
		clearTimeout(timer);
		abort.abort();
	}
}

describe('café mode over HTTP', () => {
	it('lets network coaches and admins create a café; others may not', async () => {
		const input = { title: 'Café VI', day: '2026-03-12', doetankIds: [doetankId, otherId] };
		expectApiError(await ann.client.post('/api/v1/cafes', input), 403, 'forbidden');
		expectApiError(await new ApiClient(base).post('/api/v1/cafes', input), 401, 'unauthenticated');
		const bad = expectApiError(
			await coach.post('/api/v1/cafes', { ...input, day: '12-03-2026', doetankIds: [] }),
			422,
			'validation_failed'
		);
		expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['day', 'doetankIds']);
		const res = await coach.post<{ cafe: { id: string; code: string } }>('/api/v1/cafes', input);
		expect(res.status, res.text).toBe(201);
		({ id: cafeId, code } = res.body.cafe);
		expect(code).toMatch(/^[A-Z2-9]{6}$/);
		expectApiError(await ann.client.get(`/api/v1/cafes/${cafeId}/live`), 403, 'forbidden');
		expectApiError(await ann.client.get(`/api/v1/cafes/${cafeId}/events`), 403, 'forbidden');
		expectApiError(await coach.delete(`/api/v1/cafes/${cafeId}`), 405, 'method_not_allowed');
	});

	it('joins by code into the only Doetank, asks which one when there are two, and accepts an invitation on the way', async () => {
		expectApiError(await ann.client.post('/api/v1/cafes/join', { code: 'ZZZZZZ' }), 404, 'not_found');
		const choose = await ann.client.post<{ choose: { id: string }[] }>('/api/v1/cafes/join', {
			code: code.toLowerCase()
		});
		expect(choose.body.choose.map((d) => d.id).sort()).toEqual([doetankId, otherId].sort());
		const joined = await ann.client.post<{ doetankId: string; path: string }>('/api/v1/cafes/join', {
			code,
			doetankId
		});
		expect(joined.body).toEqual({ doetankId, path: `/doetanks/${doetankId}/werkruimte` });

		const bob = await register(base, newAccount('Bob'));
		expectApiError(await bob.client.post('/api/v1/cafes/join', { code }), 403, 'forbidden');
		const invite = await ann.client.post<InvitationBody>(`/api/v1/doetanks/${doetankId}/invitations`, {
			roles: ['lid']
		});
		const viaInvite = await bob.client.post<{ doetankId: string }>('/api/v1/cafes/join', {
			code,
			invitation: invite.body.url
		});
		expect(viaInvite.status, viaInvite.text).toBe(200);
		expect(viaInvite.body.doetankId).toBe(doetankId);
		const attendees = await coach.get<{ attendees: { userId: string }[] }>(`/api/v1/cafes/${cafeId}`);
		expect(attendees.body.attendees.map((a) => a.userId).sort()).toEqual([ann.id, bob.id].sort());
	});

	it('streams who is active in which section, and the growth of the actielijst since the start', async () => {
		expect((await coach.post(`/api/v1/cafes/${cafeId}/start`)).status).toBe(200);
		const peer = connectPeer(base, ann.client.sessionId!, doetankId);
		peers.push(peer);
		peer.provider.awareness.setLocalStateField('section', 'actielijst');
		const present = await waitForSnapshot(coach, (live) =>
			live.doetanks.some(
				(d) => d.id === doetankId && d.present.some((p) => p.userId === ann.id && p.section === 'actielijst')
			)
		);
		expect(present.cafe.startedAt).not.toBeNull();
		await until(() => peer.provider.synced, 'peer synced');
		addAction(peer.doc, { title: 'Tijdens het café' }, ann.id);
		const grown = await waitForSnapshot(
			coach,
			(live) => (live.doetanks.find((d) => d.id === doetankId)?.growth?.actions ?? 0) >= 1
		);
		expect(grown.doetanks.find((d) => d.id === otherId)?.growth?.actions).toBe(0);
	});

	it('opens the evaluation after the end and withholds the results below three evaluations', async () => {
		expectApiError(await ann.client.get(`/api/v1/cafes/${cafeId}/evaluation`), 409, 'conflict');
		expect((await coach.post(`/api/v1/cafes/${cafeId}/end`)).status).toBe(200);
		const form = await ann.client.get<{ form: { id: string } }>(`/api/v1/cafes/${cafeId}/evaluation`);
		expect(form.body.form.id).toBe('cafe');
		expectApiError(
			await ann.client.post(`/api/v1/cafes/${cafeId}/evaluation`, { answers: { 'cafe.q10': 0 } }),
			422,
			'validation_failed'
		);
		expect(
			(
				await ann.client.post(`/api/v1/cafes/${cafeId}/evaluation`, {
					answers: { 'cafe.q10': 7, 'cafe.q9': { netwerken: 'te_weinig' } }
				})
			).status
		).toBe(201);
		expectApiError(
			await ann.client.post(`/api/v1/cafes/${cafeId}/evaluation`, { answers: { 'cafe.q10': 7 } }),
			409,
			'conflict'
		);
		// One evaluation is below the threshold of three: only the count is given.
		const results = await coach.get<{ responses: number; minimum: number; figures: unknown }>(
			`/api/v1/cafes/${cafeId}/results`
		);
		expect(results.body).toMatchObject({ responses: 1, minimum: 3, figures: null });
		expectApiError(await ann.client.get(`/api/v1/cafes/${cafeId}/results.csv`), 403, 'forbidden');
		expectApiError(await ann.client.get(`/api/v1/cafes/${cafeId}/contacts`), 403, 'forbidden');
		expectApiError(await ann.client.get(`/api/v1/cafes/${cafeId}/results`), 403, 'forbidden');
		expectApiError(await ann.client.post('/api/v1/cafes/join', { code, doetankId }), 409, 'conflict');
	});
});

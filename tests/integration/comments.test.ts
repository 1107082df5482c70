import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addMember,
	ApiClient,
	expectApiError,
	newAccount,
	register,
	type DoetankDetail,
	type DoetankRole
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';

/** Small bounds, so each test reaches one of them in a few requests. */
const LIMITS = { body: 50, perDoetank: 3, replies: 2, rate: 4 };

interface Thread {
	id: string;
	body: string;
	quote: string;
	field: string;
	author: { id: string; name: string } | null;
	resolvedAt: number | null;
	resolvedBy: { id: string; name: string } | null;
	replies: { id: string; body: string }[];
}

let server: TestServer;
let base: string;
let trekker: ApiClient;
const people = new Map<string, { client: ApiClient; id: string }>();

function person(name: string): ApiClient {
	const p = people.get(name);
	if (!p) throw new Error(`no ${name}`);
	return p.client;
}

/** A comment on the first character of some text: the server only checks that the anchor decodes. */
function comment(body: string, field = 'probleemdefinitie') {
	const doc = new Y.Doc();
	const text = doc.getText('t');
	text.insert(0, 'ab');
	const encode = (i: number) =>
		Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64');
	return { field, anchor: { start: encode(0), end: encode(1) }, quote: 'a', body };
}

async function doetank(name: string, members: Record<string, DoetankRole>): Promise<string> {
	const created = await trekker.post<DoetankDetail>('/api/v1/doetanks', {
		name,
		onderwerp: 'Opmerkingen',
		beoogdDoel: 'Grenzen bewaken'
	});
	expect(created.status, created.text).toBe(201);
	const id = created.body.doetank.id;
	for (const [who, role] of Object.entries(members)) {
		let p = people.get(who);
		if (!p) {
			const user = await register(base, newAccount(who));
			p = { client: user.client, id: user.id };
			people.set(who, p);
		}
		await addMember(trekker, id, p.client, { email: (await accountEmail(who))!, roles: [role] });
	}
	return id;
}

const emails = new Map<string, string>();
async function accountEmail(who: string): Promise<string | undefined> {
	if (!emails.has(who)) {
		const res = await person(who).get<{ user: { email: string } }>('/api/v1/session');
		emails.set(who, res.body.user.email);
	}
	return emails.get(who);
}

const url = (doetankId: string, path = '') => `/api/v1/doetanks/${doetankId}/comments${path}`;

async function post(client: ApiClient, doetankId: string, body: string) {
	return client.post<{ thread: Thread }>(url(doetankId), comment(body));
}

async function list(client: ApiClient, doetankId: string): Promise<Thread[]> {
	const res = await client.get<{ threads: Thread[] }>(url(doetankId));
	expect(res.status, res.text).toBe(200);
	return res.body.threads;
}

beforeAll(async () => {
	server = await startServer({
		env: {
			COMMENT_MAX_BODY_CHARS: String(LIMITS.body),
			COMMENT_MAX_PER_DOETANK: String(LIMITS.perDoetank),
			COMMENT_MAX_REPLIES: String(LIMITS.replies),
			COMMENT_MAX_PER_USER_PER_MINUTE: String(LIMITS.rate)
		}
	});
	base = server.baseUrl;
	trekker = (await register(base, newAccount('Trekker'))).client;
});

afterAll(async () => {
	await server?.stop();
});

describe('comments: who may do what with whose comment', () => {
	let id: string;
	beforeAll(async () => {
		id = await doetank('Rechten', { meekijker: 'meekijker', lid: 'lid', opdrachtgever: 'opdrachtgever' });
	});

	it('a meekijker comments, edits and resolves their own thread, not someone else’s', async () => {
		const own = await post(person('meekijker'), id, 'Wat bedoelen we met ‘regio’?');
		expect(own.status, own.text).toBe(201);
		expect(own.body.thread).toMatchObject({ body: 'Wat bedoelen we met ‘regio’?', quote: 'a', resolvedAt: null });
		const theirs = await post(person('lid'), id, 'Bron toevoegen');
		expect(theirs.status).toBe(201);

		const patch = (c: ApiClient, threadId: string, json: unknown) =>
			c.request('PATCH', url(id, `/${threadId}`), { json });
		expectApiError(await patch(person('meekijker'), theirs.body.thread.id, { resolved: true }), 403, 'forbidden');
		expectApiError(await patch(person('meekijker'), theirs.body.thread.id, { body: 'Overschreven' }), 403, 'forbidden');
		expect((await patch(person('meekijker'), own.body.thread.id, { body: 'Wat is de regio?' })).status).toBe(200);
		const resolved = await patch(person('meekijker'), own.body.thread.id, { resolved: true });
		expect(resolved.status).toBe(200);

		const threads = await list(person('opdrachtgever'), id);
		const mine = threads.find((t) => t.id === own.body.thread.id)!;
		expect(mine.body).toBe('Wat is de regio?');
		expect(mine.resolvedBy?.id).toBe(people.get('meekijker')!.id);
		expect(threads.find((t) => t.id === theirs.body.thread.id)!.body).toBe('Bron toevoegen');
	});

	it('a lid resolves and reopens anyone’s thread; only the author or the trekker deletes it', async () => {
		const thread = (await post(person('opdrachtgever'), id, 'Kosten klopt niet')).body.thread;
		const patch = (c: ApiClient, json: unknown) => c.request('PATCH', url(id, `/${thread.id}`), { json });
		expect((await patch(person('lid'), { resolved: true })).status).toBe(200);
		expect((await list(trekker, id)).find((t) => t.id === thread.id)?.resolvedAt).not.toBeNull();
		expect((await patch(person('lid'), { resolved: false })).status).toBe(200);
		expect((await list(trekker, id)).find((t) => t.id === thread.id)?.resolvedAt).toBeNull();

		expectApiError(await person('lid').delete(url(id, `/${thread.id}`)), 403, 'forbidden');
		expectApiError(await person('meekijker').delete(url(id, `/${thread.id}`)), 403, 'forbidden');
		expect((await trekker.delete(url(id, `/${thread.id}`))).status).toBe(204);
		expect((await list(trekker, id)).some((t) => t.id === thread.id)).toBe(false);
		expectApiError(await person('lid').post(url(id, `/${thread.id}/replies`), { body: 'Te laat' }), 404, 'not_found');
	});

	it('a thread is only reachable through its own Doetank', async () => {
		const other = await doetank('Ander', { buitenstaander: 'lid' });
		const thread = (await post(person('lid'), id, 'Hier')).body.thread;
		const elsewhere = url(other, `/${thread.id}`);
		expectApiError(await trekker.request('PATCH', elsewhere, { json: { resolved: true } }), 404, 'not_found');
		expectApiError(await trekker.delete(elsewhere), 404, 'not_found');
		expectApiError(await trekker.post(`${elsewhere}/replies`, { body: 'x' }), 404, 'not_found');
		// And someone outside the first Doetank sees nothing of it.
		expectApiError(await person('buitenstaander').get(url(id)), 403, 'forbidden');
		expectApiError(await person('buitenstaander').post(url(id), comment('Binnendringen')), 403, 'forbidden');
	});
});

describe('comments: validation in Dutch and English', () => {
	let id: string;
	beforeAll(async () => {
		id = await doetank('Invoer', { schrijver: 'meekijker' });
	});

	it('refuses a body over COMMENT_MAX_BODY_CHARS and takes one of exactly that length', async () => {
		const c = person('schrijver');
		const nl = await c.post(url(id), comment('x'.repeat(LIMITS.body + 1)), { headers: { 'accept-language': 'nl' } });
		expect(expectApiError(nl, 422, 'validation_failed').fields?.body).toBe(`Gebruik hoogstens ${LIMITS.body} tekens.`);
		const en = await c.post(url(id), comment('x'.repeat(LIMITS.body + 1)), { headers: { 'accept-language': 'en' } });
		expect(expectApiError(en, 422, 'validation_failed').fields?.body).toBe(`Use at most ${LIMITS.body} characters.`);
		const reply = await c.post(url(id, '/onbekend/replies'), { body: 'y'.repeat(LIMITS.body + 1) });
		expect(expectApiError(reply, 422, 'validation_failed').fields?.body).toBe(
			`Gebruik hoogstens ${LIMITS.body} tekens.`
		);
		expect((await post(c, id, 'x'.repeat(LIMITS.body))).status).toBe(201);
	});

	it('names a wrong field, anchor or empty body', async () => {
		const c = person('schrijver');
		const bad = { ...comment('  '), field: 'actions', anchor: { start: 'geen anker!', end: '' } };
		const nl = expectApiError(await c.post(url(id), bad), 422, 'validation_failed');
		expect(nl.fields).toEqual({
			field: 'Onbekend tekstveld.',
			anchor: 'Geen geldige plek in de tekst.',
			body: 'Dit veld is verplicht.'
		});
		const en = expectApiError(
			await c.post(url(id), bad, { headers: { 'accept-language': 'en' } }),
			422,
			'validation_failed'
		);
		expect(en.fields).toEqual({
			field: 'Unknown text field.',
			anchor: 'Not a valid place in the text.',
			body: 'This field is required.'
		});
		const canvas = await c.post(url(id), comment('Op een canvasveld', 'canvas/pilot:abc/kosten'));
		expect(canvas.status, canvas.text).toBe(201);
		expectApiError(await c.post(url(id), comment('x', 'canvas/pilot:abc/geenveld')), 422, 'validation_failed');
		expectApiError(await c.post(url(id), undefined, { raw: '{"field":' }), 400, 'bad_request');
		expectApiError(await c.request('PATCH', url(id, '/x'), { json: {} }), 422, 'validation_failed');
	});
});

describe('comments: bounds', () => {
	it(`refuses comment ${LIMITS.perDoetank + 1} in one Doetank (COMMENT_MAX_PER_DOETANK) until one is deleted`, async () => {
		const id = await doetank('Vol', { a: 'lid', b: 'meekijker' });
		const made: string[] = [];
		for (let i = 0; i < LIMITS.perDoetank; i++) {
			const res = await post(person(i % 2 ? 'a' : 'b'), id, `Opmerking ${i}`);
			expect(res.status, res.text).toBe(201);
			made.push(res.body.thread.id);
		}
		const full = expectApiError(await post(person('a'), id, 'Eén te veel'), 409, 'conflict');
		expect(full.message).toContain(String(LIMITS.perDoetank));
		// Resolved ones still count; deleting one makes room.
		expect((await person('a').request('PATCH', url(id, `/${made[0]}`), { json: { resolved: true } })).status).toBe(200);
		expectApiError(await post(person('a'), id, 'Nog steeds te veel'), 409, 'conflict');
		expect((await trekker.delete(url(id, `/${made[0]}`))).status).toBe(204);
		expect((await post(person('a'), id, 'Nu past het')).status).toBe(201);
		expect(await list(trekker, id)).toHaveLength(LIMITS.perDoetank);
	});

	it(`refuses reply ${LIMITS.replies + 1} to one comment (COMMENT_MAX_REPLIES)`, async () => {
		const id = await doetank('Reacties', { c: 'lid', d: 'opdrachtgever' });
		const thread = (await post(person('c'), id, 'Begin')).body.thread;
		for (let i = 0; i < LIMITS.replies; i++) {
			const res = await person('d').post(url(id, `/${thread.id}/replies`), { body: `Reactie ${i}` });
			expect(res.status, res.text).toBe(201);
		}
		const full = expectApiError(
			await person('c').post(url(id, `/${thread.id}/replies`), { body: 'Te veel' }),
			409,
			'conflict'
		);
		expect(full.message).toContain(String(LIMITS.replies));
		expect((await list(trekker, id)).find((t) => t.id === thread.id)?.replies.map((r) => r.body)).toEqual([
			'Reactie 0',
			'Reactie 1'
		]);
	});

	it(`refuses a person’s comment ${LIMITS.rate + 1} within a minute, over Doetanks and replies (COMMENT_MAX_PER_USER_PER_MINUTE)`, async () => {
		const first = await doetank('Snel 1', { snel: 'meekijker' });
		const second = await doetank('Snel 2', { snel: 'meekijker' });
		const c = person('snel');
		const thread = (await post(c, first, '1')).body.thread;
		expect((await c.post(url(first, `/${thread.id}/replies`), { body: '2' })).status).toBe(201);
		expect((await post(c, second, '3')).status).toBe(201);
		expect((await post(c, second, '4')).status).toBe(201);
		const nl = expectApiError(await post(c, second, '5'), 429, 'too_many_requests');
		expect(nl.message).toBe(
			`Je plaatst te snel opmerkingen: hooguit ${LIMITS.rate} per minuut. Wacht even en probeer het opnieuw.`
		);
		expectApiError(await c.post(url(first, `/${thread.id}/replies`), { body: '5' }), 429, 'too_many_requests');
		expect(await list(trekker, second)).toHaveLength(2);
		// Someone else in the same Doetank is not slowed down.
		expect((await post(trekker, second, 'Trekker')).status).toBe(201);
	});

	it('lets parallel requests pass no bound together', async () => {
		const id = await doetank('Tegelijk', { p1: 'lid', p2: 'lid', p3: 'lid', p4: 'lid' });
		const results = await Promise.all(['p1', 'p2', 'p3', 'p4', 'p1', 'p2'].map((p, i) => post(person(p), id, `T${i}`)));
		expect(results.filter((r) => r.status === 201)).toHaveLength(LIMITS.perDoetank);
		expect(results.filter((r) => r.status === 409)).toHaveLength(6 - LIMITS.perDoetank);
		expect(await list(trekker, id)).toHaveLength(LIMITS.perDoetank);
	});
});

describe('comments: live to the others', () => {
	it('announces a comment, a reply and a resolve on the Doetank’s stream, and nothing of another Doetank', async () => {
		const id = await doetank('Live', { kijker: 'meekijker', werker: 'lid' });
		const other = await doetank('Elders', { werker: 'lid' });
		const abort = new AbortController();
		const res = await fetch(new URL(url(id, '/events'), base), {
			headers: { cookie: `doetank_session=${person('kijker').sessionId}`, accept: 'text/event-stream' },
			signal: abort.signal
		});
		expect(res.status).toBe(200);
		const reader = res.body!.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		/** The next event as "name version", waiting as long as it takes (the test's own timeout bounds it). */
		async function nextEvent(): Promise<string> {
			for (;;) {
				const end = buffer.indexOf('\n\n');
				if (end >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const name = /^event: (.*)$/m.exec(block)?.[1];
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (name) return `${name} ${(JSON.parse(data ?? '{}') as { version?: number }).version}`;
					continue;
				}
				const { value, done } = await reader.read();
				if (done) throw new Error('stream ended');
				buffer += decoder.decode(value, { stream: true });
			}
		}
		try {
			expect(await nextEvent()).toBe('ready 0');
			// A comment elsewhere first: announced here, it would come before (or as) the first change.
			expect((await post(person('werker'), other, 'Elders')).status).toBe(201);
			const thread = (await post(person('werker'), id, 'Hier')).body.thread;
			expect(await nextEvent()).toBe('changed 1');
			expect((await list(person('kijker'), id)).map((t) => t.body)).toEqual(['Hier']);
			await person('kijker').post(url(id, `/${thread.id}/replies`), { body: 'Gezien' });
			expect(await nextEvent()).toBe('changed 2');
			await person('werker').request('PATCH', url(id, `/${thread.id}`), { json: { resolved: true } });
			expect(await nextEvent()).toBe('changed 3');
			expect((await list(person('kijker'), id))[0]?.resolvedAt).not.toBeNull();
		} finally {
			abort.abort();
		}
	}, 30_000);

	it('refuses the stream to someone outside the Doetank, before it opens', async () => {
		const id = await doetank('Dicht', {});
		const outsider = (await register(base, newAccount('Buiten'))).client;
		expectApiError(await outsider.get(url(id, '/events')), 403, 'forbidden');
		expectApiError(await new ApiClient(base).get(url(id, '/events')), 401, 'unauthenticated');
	});
});

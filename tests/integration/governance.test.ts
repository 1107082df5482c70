import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import ICAL from 'ical.js';
import { icsEvents, parseIcs } from './helpers/ical-check';
import {
	ApiClient,
	addMember,
	expectApiError,
	login,
	newAccount,
	register,
	type DoetankDetail,
	type Registered
} from './helpers/client';
import { startServer, type TestServer } from './helpers/server';
import { connectPeer, sessionOf, sleep, until } from './helpers/sync-client';

/** Shapes of the governance API (docs/api.md), written out for the test. */
interface Missing {
	condition: string;
	label: string;
	explanation: string;
}
interface GateError {
	error: { code: string; message: string; missing?: Missing[] };
}
interface Transition {
	id: string;
	from: string;
	to: string;
	actor: { id: string; name: string };
	override: boolean;
	reasonCategory: string | null;
	explanation: string | null;
}
interface PhaseOverview {
	phase: string;
	options: { to: string; open: boolean; requires: string[]; conditions: { key: string; met: boolean }[] }[];
	transitions: Transition[];
}
interface Review {
	decision: string;
	comment: string;
	reviewer: { id: string };
	snapshotSha256: string;
	reviewedAt: number;
}
interface Submission {
	id: string;
	round: number;
	sha256: string;
	rendered: { subject: string; markdown: string }[];
	review: Review | null;
}
interface CheckpointRow {
	id: string;
	title: string;
	plannedDay: string;
	status: string;
	sequence: number;
	subjects: string[];
}
interface CheckpointDetail {
	checkpoint: CheckpointRow;
	rounds: Submission[];
	shown: {
		submission: Submission;
		parts: {
			subject: string;
			markdown: string;
			previous: { round: number; diff: { kind: string; text: string }[] } | null;
		}[];
	} | null;
	permissions: { edit: boolean; submit: boolean; review: boolean };
}
interface InboxBody {
	unread: number;
	items: { id: string; kind: string; message: string; readAt: number | null; link: string }[];
}

const DEMO_COACH = 'coach@demo.doetank.nl';
const NO_INPUT = {};

let server: TestServer;
let base: string;
let trekker: Registered;
let lid: Registered;
let opdrachtgever: Registered;
let doetankId: string;

/** The document as the database holds it (a day far ahead gives the latest state). */
async function storedDoc(): Promise<Y.Doc> {
	const res = await fetch(new URL(`/api/v1/doetanks/${doetankId}/history/2999-12-31`, base), {
		headers: { cookie: `doetank_session=${sessionOf(trekker)}` }
	});
	expect(res.status).toBe(200);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
	return doc;
}

/** Changes the live document over the real sync endpoint, as an editor in a browser does, and waits until it is stored. */
async function liveEdit(who: Registered, change: (doc: Y.Doc) => void, stored: (doc: Y.Doc) => boolean): Promise<void> {
	const peer = connectPeer(base, sessionOf(who), doetankId);
	try {
		await until(() => peer.provider.synced, 'synced');
		change(peer.doc);
		const deadline = Date.now() + 10_000;
		while (!stored(await storedDoc())) {
			if (Date.now() > deadline) throw new Error('the live edit did not reach the database');
			await sleep(50);
		}
	} finally {
		peer.provider.destroy();
	}
}

const paragraphText = (doc: Y.Doc) => doc.getXmlFragment('probleemdefinitie').toString();
function addParagraph(text: string) {
	return (doc: Y.Doc) => {
		const p = new Y.XmlElement('paragraph');
		p.insert(0, [new Y.XmlText(text)]);
		doc.getXmlFragment('probleemdefinitie').push([p]);
	};
}
const write = (who: Registered, text: string) =>
	liveEdit(who, addParagraph(text), (doc) => paragraphText(doc).includes(text));

async function phase(client: ApiClient = trekker.client): Promise<PhaseOverview> {
	const res = await client.get<PhaseOverview>(`/api/v1/doetanks/${doetankId}/phase`);
	expect(res.status, res.text).toBe(200);
	return res.body;
}

async function checkpoint(id: string, client: ApiClient = trekker.client, round?: number): Promise<CheckpointDetail> {
	const res = await client.get<CheckpointDetail>(
		`/api/v1/doetanks/${doetankId}/checkpoints/${id}${round ? `?round=${round}` : ''}`
	);
	expect(res.status, res.text).toBe(200);
	return res.body;
}

async function inbox(who: Registered): Promise<InboxBody> {
	const res = await who.client.get<InboxBody>('/api/v1/me/inbox');
	expect(res.status, res.text).toBe(200);
	return res.body;
}

beforeAll(async () => {
	server = await startServer({ demo: true });
	base = server.baseUrl;
	trekker = await register(base, newAccount('Trekker'));
	const created = await trekker.client.post<DoetankDetail>('/api/v1/doetanks', {
		name: 'Slim innen',
		onderwerp: 'Boetes bij schulden',
		beoogdDoel: 'Minder stapeling'
	});
	expect(created.status).toBe(201);
	doetankId = created.body.doetank.id;
	lid = await register(base, newAccount('Lid'));
	opdrachtgever = await register(base, newAccount('Opdrachtgever'));
	for (const [who, role] of [
		[lid, 'lid'],
		[opdrachtgever, 'opdrachtgever']
	] as const) {
		await addMember(trekker.client, doetankId, who.client, { email: who.account.email, roles: [role] });
	}
});

afterAll(async () => {
	await server?.stop();
});

describe('a closed gate', () => {
	it("is refused with the list of missing conditions, in the caller's language, and nothing moves", async () => {
		const nl = await trekker.client.post<GateError>(`/api/v1/doetanks/${doetankId}/transitions`, { to: 'fase_1' });
		expect(nl.status, nl.text).toBe(409);
		expect(nl.body.error.code).toBe('gate_closed');
		expect(nl.body.error.missing?.map((m) => m.condition)).toEqual(['besluitvormer', 'agreement', 'probleemdefinitie']);
		expect(nl.body.error.missing?.[1]).toEqual({
			condition: 'agreement',
			label: 'De opdrachtgeversafspraak is bevestigd',
			explanation: 'Er is nog geen opdrachtgeversafspraak. Leg randvoorwaarden, spelregels en terugkoppelmomenten vast.'
		});
		const en = await trekker.client.post<GateError>(
			`/api/v1/doetanks/${doetankId}/transitions`,
			{ to: 'fase_1' },
			{ headers: { 'accept-language': 'en' } }
		);
		expect(en.body.error.missing?.[2]?.label).toBe(
			'A terugkoppelmoment (checkpoint) about the probleemdefinitie is approved'
		);
		expectApiError(
			await trekker.client.post(`/api/v1/doetanks/${doetankId}/transitions`, { to: 'fase_2' }),
			409,
			'conflict'
		);
		const overview = await phase();
		expect(overview.phase).toBe('fase_0');
		expect(overview.transitions).toEqual([]);
		expect(overview.options.map((o) => [o.to, o.open, o.requires])).toEqual([
			['fase_1', false, []],
			['gestopt', true, ['reasonCategory', 'explanation']]
		]);
		expect(overview.options[0]?.conditions.map((c) => [c.key, c.met])).toEqual([
			['opdrachtgever', true],
			['besluitvormer', false],
			['agreement', false],
			['probleemdefinitie', false]
		]);
	});
});

describe('a terugkoppelmoment about the probleemdefinitie', () => {
	let id: string;

	it('freezes what members submitted while a member keeps editing live', async () => {
		await write(lid, 'Gezinnen met schulden krijgen boetes op boetes.');
		const created = await lid.client.post<{ checkpoint: CheckpointRow }>(`/api/v1/doetanks/${doetankId}/checkpoints`, {
			title: 'Probleemdefinitie',
			plannedDay: '2027-03-01',
			subjects: ['probleemdefinitie']
		});
		expect(created.status, created.text).toBe(201);
		id = created.body.checkpoint.id;
		const submitted = await lid.client.post<{ submission: Submission }>(
			`/api/v1/doetanks/${doetankId}/checkpoints/${id}/submissions`
		);
		expect(submitted.status, submitted.text).toBe(201);
		expect(submitted.body.submission.round).toBe(1);
		expectApiError(
			await lid.client.post(`/api/v1/doetanks/${doetankId}/checkpoints/${id}/submissions`),
			409,
			'conflict'
		);

		await write(lid, 'Live na het indienen.');
		const seen = await checkpoint(id, opdrachtgever.client);
		expect(seen.checkpoint.status).toBe('ingediend');
		expect(seen.shown?.parts[0]?.markdown).toBe('Gezinnen met schulden krijgen boetes op boetes.');
		expect(seen.permissions).toEqual({ edit: true, submit: false, review: true });
		expect((await checkpoint(id, lid.client)).permissions).toEqual({ edit: true, submit: false, review: false });
		expect((await inbox(opdrachtgever)).items[0]?.kind).toBe('checkpoint_submitted');
	});

	it('lets the opdrachtgever ask for changes (with a comment) and the members resubmit', async () => {
		const path = `/api/v1/doetanks/${doetankId}/checkpoints/${id}/reviews`;
		const noComment = expectApiError(
			await opdrachtgever.client.post(path, { decision: 'request_changes' }),
			422,
			'validation_failed'
		);
		expect(Object.keys(noComment.fields ?? {})).toEqual(['comment']);
		expectApiError(await lid.client.post(path, { decision: 'approve' }), 403, 'forbidden');
		const asked = await opdrachtgever.client.post<{ submission: Submission }>(path, {
			decision: 'request_changes',
			comment: 'Voor wie precies?'
		});
		expect(asked.status, asked.text).toBe(201);
		expect(asked.body.submission.review).toMatchObject({ decision: 'changes_requested', comment: 'Voor wie precies?' });
		expect((await checkpoint(id)).checkpoint.status).toBe('aanpassing_gevraagd');
		const note = (await inbox(lid)).items.find((n) => n.kind === 'checkpoint_changes_requested');
		expect(note?.message).toContain('Voor wie precies?');

		await write(lid, 'Vooral jonge gezinnen in de bijstand.');
		const again = await lid.client.post<{ submission: Submission }>(
			`/api/v1/doetanks/${doetankId}/checkpoints/${id}/submissions`
		);
		expect(again.status, again.text).toBe(201);
		expect(again.body.submission.round).toBe(2);
	});

	it('shows the opdrachtgever the diff with the previous round, and records the approval with the hash', async () => {
		const detail = await checkpoint(id, opdrachtgever.client);
		const part = detail.shown!.parts[0]!;
		expect(part.previous?.round).toBe(1);
		const changed = part
			.previous!.diff.filter((l) => l.kind !== 'unchanged' && l.text !== '')
			.map((l) => [l.kind, l.text]);
		expect(changed).toEqual([
			['added', 'Live na het indienen.'],
			['added', 'Vooral jonge gezinnen in de bijstand.']
		]);
		const approved = await opdrachtgever.client.post<{ submission: Submission }>(
			`/api/v1/doetanks/${doetankId}/checkpoints/${id}/reviews`,
			{
				decision: 'approve',
				comment: 'Akkoord.'
			}
		);
		expect(approved.status, approved.text).toBe(201);
		const review = approved.body.submission.review!;
		expect(review).toMatchObject({
			decision: 'approved',
			reviewer: { id: opdrachtgever.id },
			snapshotSha256: approved.body.submission.sha256
		});
		expect(Math.abs(review.reviewedAt - Date.now())).toBeLessThan(60_000);
	});

	it('keeps a hash that is recomputable from the stored state', async () => {
		for (const round of [1, 2]) {
			const res = await fetch(
				new URL(`/api/v1/doetanks/${doetankId}/checkpoints/${id}/submissions/${round}/state`, base),
				{
					headers: { cookie: `doetank_session=${sessionOf(opdrachtgever)}` }
				}
			);
			expect(res.headers.get('content-type')).toBe('application/octet-stream');
			const bytes = new Uint8Array(await res.arrayBuffer());
			const stored = (await checkpoint(id, opdrachtgever.client, round)).shown!.submission;
			expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
			const doc = new Y.Doc();
			Y.applyUpdate(doc, bytes);
			expect(paragraphText(doc)).toContain('Gezinnen met schulden');
			expect(paragraphText(doc).includes('bijstand')).toBe(round === 2);
		}
	});

	it('cannot be altered or deleted through the API', async () => {
		const before = await checkpoint(id, opdrachtgever.client);
		const paths = [
			`/api/v1/doetanks/${doetankId}/checkpoints/${id}/reviews`,
			`/api/v1/doetanks/${doetankId}/checkpoints/${id}/submissions`,
			`/api/v1/doetanks/${doetankId}/checkpoints/${id}/submissions/2/state`
		];
		for (const path of paths) {
			for (const method of ['PUT', 'PATCH', 'DELETE']) {
				expectApiError(
					await opdrachtgever.client.request(
						method,
						path,
						method === 'DELETE' ? {} : { json: { decision: 'request_changes', comment: 'x' } }
					),
					405,
					'method_not_allowed'
				);
			}
		}
		expectApiError(
			await opdrachtgever.client.post(paths[0]!, { decision: 'request_changes', comment: 'Toch niet' }),
			409,
			'conflict'
		);
		expectApiError(await lid.client.post(paths[1]!), 409, 'conflict');
		expectApiError(
			await lid.client.put(`/api/v1/doetanks/${doetankId}/checkpoints/${id}`, {
				title: 'Anders',
				plannedDay: '2027-04-01',
				subjects: ['probleemdefinitie']
			}),
			409,
			'conflict'
		);
		expectApiError(
			await trekker.client.delete(`/api/v1/doetanks/${doetankId}/checkpoints/${id}`),
			405,
			'method_not_allowed'
		);
		expect(await checkpoint(id, opdrachtgever.client)).toEqual(before);
	});
});

describe('the agreement and the move to fase 1', () => {
	const content = {
		randvoorwaarden: '8 uur per week',
		spelregels: 'Maandelijks bijpraten',
		terugkoppelmomenten: '1 maart',
		besluitvormer: 'Directeur Werk en Inkomen',
		informeren: 'Via het MT-overleg'
	};

	it('refuses a stale save with 409 and needs a new confirmation after a change', async () => {
		const path = `/api/v1/doetanks/${doetankId}/agreement`;
		const first = await lid.client.put<{ agreement: { version: number } }>(path, { version: 0, ...content });
		expect(first.status, first.text).toBe(200);
		expect(first.body.agreement.version).toBe(1);
		const stale = expectApiError(
			await opdrachtgever.client.put(path, { version: 0, ...content, spelregels: 'Anders' }),
			409,
			'conflict'
		);
		expect(stale.message).toContain('versie 1');
		expectApiError(await lid.client.post(`${path}/confirmations`, { version: 1 }), 403, 'forbidden');
		expect(
			(await opdrachtgever.client.post<{ state: string }>(`${path}/confirmations`, { version: 1 })).body.state
		).toBe('confirmed');
		const changed = await opdrachtgever.client.put<{ state: string; agreement: { version: number } }>(path, {
			version: 1,
			...content,
			spelregels: 'Elke twee weken'
		});
		expect(changed.body).toMatchObject({ state: 'changed', agreement: { version: 2 } });
		const gate = (await phase()).options[0]!.conditions.find((c) => c.key === 'agreement');
		expect(gate?.met).toBe(false);
		expectApiError(await opdrachtgever.client.post(`${path}/confirmations`, { version: 1 }), 409, 'conflict');
		const confirmed = await opdrachtgever.client.post<{ confirmations: { version: number }[] }>(
			`${path}/confirmations`,
			{ version: 2 }
		);
		expect(confirmed.status).toBe(201);
		expect(confirmed.body.confirmations.map((c) => c.version)).toEqual([2, 1]);
	});

	it('moves when the gate is open; members and the network coach see the transition', async () => {
		expect((await phase()).options[0]?.open).toBe(true);
		expectApiError(
			await lid.client.post(`/api/v1/doetanks/${doetankId}/transitions`, { to: 'fase_1' }),
			403,
			'forbidden'
		);
		const moved = await trekker.client.post<{ transition: Transition }>(`/api/v1/doetanks/${doetankId}/transitions`, {
			to: 'fase_1'
		});
		expect(moved.status, moved.text).toBe(201);
		expect(moved.body.transition).toMatchObject({
			from: 'fase_0',
			to: 'fase_1',
			actor: { id: trekker.id },
			override: false
		});
		expect((await phase()).phase).toBe('fase_1');

		const coach = await login(base, DEMO_COACH, 'doetank-demo');
		const feed = await coach.get<{ transitions: (Transition & { doetankName: string })[] }>('/api/v1/feed/transitions');
		expect(feed.body.transitions[0]).toMatchObject({
			id: moved.body.transition.id,
			doetankName: 'Slim innen',
			to: 'fase_1'
		});
		expectApiError(await trekker.client.get('/api/v1/feed/transitions'), 403, 'forbidden');

		const note = (await inbox(lid)).items.find((n) => n.kind === 'phase_changed');
		expect(note?.message).toBe('Slim innen is nu in Fase 1 · ontwerpen & uitproberen.');
		const events = await coach.get<{ events: { type: string }[] }>(`/api/v1/doetanks/${doetankId}/audit`);
		expect(events.body.events.map((e) => e.type)).toEqual([
			'transition',
			'agreement_confirmed',
			'agreement_confirmed',
			'checkpoint_reviewed',
			'checkpoint_submitted',
			'checkpoint_reviewed',
			'checkpoint_submitted',
			// The trekker who created it, then the members who joined.
			'membership',
			'membership',
			'membership'
		]);
	});

	it('needs a reason and an explanation to stop, and keeps them on the timeline', async () => {
		const missing = expectApiError(
			await trekker.client.post(`/api/v1/doetanks/${doetankId}/transitions`, { to: 'gestopt', explanation: '  ' }),
			422,
			'validation_failed'
		);
		expect(Object.keys(missing.fields ?? {}).sort()).toEqual(['explanation', 'reasonCategory']);
		const stopped = await trekker.client.post<{ transition: Transition }>(`/api/v1/doetanks/${doetankId}/transitions`, {
			to: 'gestopt',
			reasonCategory: 'kernleden_andere_baan',
			explanation: 'Twee kernleden zijn van baan gewisseld.'
		});
		expect(stopped.status, stopped.text).toBe(201);
		const timeline = (await phase()).transitions;
		expect(timeline.map((t) => [t.from, t.to, t.reasonCategory])).toEqual([
			['fase_1', 'gestopt', 'kernleden_andere_baan'],
			['fase_0', 'fase_1', null]
		]);
		expect((await phase()).options).toEqual([]);
	});
});

describe('the inbox', () => {
	it('counts unread items and marks them read, only the own ones', async () => {
		const mine = await inbox(lid);
		expect(mine.unread).toBeGreaterThanOrEqual(2);
		const theirs = (await inbox(opdrachtgever)).items[0]!;
		const other = await lid.client.post<{ marked: number }>('/api/v1/me/inbox/read', { ids: [theirs.id] });
		expect(other.body.marked).toBe(0);
		const one = await lid.client.post<{ marked: number; unread: number }>('/api/v1/me/inbox/read', {
			ids: [mine.items[0]!.id]
		});
		expect(one.body).toEqual({ marked: 1, unread: mine.unread - 1 });
		expect((await lid.client.post<{ unread: number }>('/api/v1/me/inbox/read', { all: true })).body.unread).toBe(0);
		expect((await inbox(opdrachtgever)).items[0]?.readAt).toBeNull();
		expectApiError(await new ApiClient(base).get('/api/v1/me/inbox'), 401, 'unauthenticated');
	});
});

describe('the personal calendar feed', () => {
	it('validates as RFC 5545, follows a reschedule, shows due actions and stops when revoked', async () => {
		const created = await lid.client.post<{ checkpoint: CheckpointRow }>(`/api/v1/doetanks/${doetankId}/checkpoints`, {
			title: 'Business case, Doetank',
			plannedDay: '2027-05-20',
			subjects: ['businessCase:doetank', 'actielijst']
		});
		expect(created.status, created.text).toBe(201);
		const cp = created.body.checkpoint;
		await liveEdit(
			lid,
			(doc) => {
				const action = new Y.Map<unknown>();
				for (const [k, v] of Object.entries({
					id: 'a1',
					title: 'Bel de wethouder, snel',
					ownerId: lid.id,
					due: '2027-02-14',
					status: 'open',
					note: '',
					position: 'V',
					createdAt: new Date().toISOString(),
					createdBy: lid.id
				}))
					action.set(k, v);
				doc.getMap('actions').set('a1', action);
			},
			(doc) => doc.getMap('actions').has('a1')
		);
		const feed = await lid.client.post<{ url: string; path: string }>('/api/v1/me/calendar', NO_INPUT);
		expect(feed.status, feed.text).toBe(201);
		expect(feed.body.url).toBe(`${base}${feed.body.path}`);
		const read = async (url: string) => {
			const res = await fetch(url);
			return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
		};
		const first = await read(feed.body.url);
		expect(first.type).toBe('text/calendar; charset=utf-8');
		const events = icsEvents(parseIcs(first.text));
		const event = events.find((e) => e.UID === `checkpoint-${cp.id}@doetank-werkplaats`);
		expect(event).toMatchObject({
			DTSTART: '20270520',
			DTEND: '20270521',
			SEQUENCE: '0',
			SUMMARY: 'Terugkoppelmoment: Business case, Doetank (Slim innen)'
		});
		expect(events.find((e) => e.UID === `action-${doetankId}-a1@doetank-werkplaats`)).toMatchObject({
			DTSTART: '20270214',
			SUMMARY: 'Actie: Bel de wethouder, snel (Slim innen)'
		});
		expect(events.filter((e) => e.UID?.startsWith('checkpoint-'))).toHaveLength(2);

		const moved = await lid.client.put(`/api/v1/doetanks/${doetankId}/checkpoints/${cp.id}`, {
			title: cp.title,
			plannedDay: '2027-06-03',
			subjects: cp.subjects
		});
		expect(moved.status, moved.text).toBe(200);
		const second = await read(feed.body.url);
		expect(second.text).not.toBe(first.text);
		// A second, independent reader: Mozilla's ical.js parses both versions to the same events.
		for (const [text, day] of [
			[first.text, '2027-05-20'],
			[second.text, '2027-06-03']
		] as const) {
			const calendar = new ICAL.Component(ICAL.parse(text));
			expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
			const parsed = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
			const checkpoint = parsed.find((e) => e.uid === `checkpoint-${cp.id}@doetank-werkplaats`);
			expect(checkpoint?.startDate.toString()).toBe(day);
			expect(checkpoint?.startDate.isDate).toBe(true);
			expect(parsed).toHaveLength(icsEvents(parseIcs(text)).length);
		}
		expect(
			icsEvents(parseIcs(second.text)).find((e) => e.UID === `checkpoint-${cp.id}@doetank-werkplaats`)
		).toMatchObject({ DTSTART: '20270603', DTEND: '20270604', SEQUENCE: '1' });

		// Everyone else's feed is their own: the opdrachtgever has no actions.
		const theirs = await opdrachtgever.client.post<{ url: string }>('/api/v1/me/calendar', NO_INPUT);
		expect(icsEvents(parseIcs((await read(theirs.body.url)).text)).some((e) => e.UID?.startsWith('action-'))).toBe(
			false
		);

		const renewed = await lid.client.post<{ url: string }>('/api/v1/me/calendar', NO_INPUT);
		expect((await read(feed.body.url)).status).toBe(404);
		expect((await read(renewed.body.url)).status).toBe(200);
		expect((await lid.client.get<{ active: boolean }>('/api/v1/me/calendar')).body.active).toBe(true);
		expect((await lid.client.delete('/api/v1/me/calendar')).status).toBe(204);
		expect((await read(renewed.body.url)).status).toBe(404);
		expect((await lid.client.get<{ active: boolean }>('/api/v1/me/calendar')).body.active).toBe(false);
		expect((await read(`${base}/calendar/not-a-token.ics`)).status).toBe(404);
	});
});

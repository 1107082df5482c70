import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/domain/policy';
import { addAction } from '$lib/domain/workspace';
import { translator } from '$lib/i18n';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { InvitationService } from '../doetanks/invitations';
import { PresenceBoard } from '../presence';
import { cafeEvaluationInput } from '$lib/validation/cafes';
import { logEdit, outcome as code, seedNetwork, viaRoute } from '../instruments/test-support';
import { createLogger } from '../logger';
import { NotificationService } from '../notifications/service';
import { CafeService } from './service';

let db: Database;
let cleanup: () => void;
let presence: PresenceBoard;
let invitations: InvitationService;
let cafes: CafeService;
let notifications: NotificationService;
const coach: Actor = { id: 'coa', networkRole: 'coach' };
const person = (id: string): Actor => ({ id, networkRole: 'member' });
let seq = 0;

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	presence = new PresenceBoard();
	invitations = new InvitationService(db);
	notifications = new NotificationService(db, createLogger('silent'));
	cafes = new CafeService(db, presence, invitations, notifications);
	seq = 0;
	await seedNetwork(db, {
		doetanks: [
			['d1', 'Slim innen'],
			['d2', 'Vaktherapie'],
			['d3', 'Elders']
		],
		users: ['coa', 'ann', 'bob', 'eve'],
		roles: [
			['d1', 'ann', 'lid'],
			['d1', 'bob', 'lid'],
			['d2', 'bob', 'lid']
		]
	});
});
afterEach(() => cleanup());

/** Writes an action into a Doetank's stored document as the sync server would log it. */
const addStoredAction = (doetankId: string, title: string) =>
	logEdit(db, doetankId, ++seq, 'ann', Date.now(), (doc) => addAction(doc, { title }, 'ann'));

/** As the evaluation routes do: the café's own form first, the answers parsed against it. */
const evaluate = async (actor: Actor, id: string, input: unknown) => {
	const { form } = await cafes.evaluationForm(actor, id);
	return viaRoute(cafeEvaluationInput(form), input, (parsed) => cafes.evaluate(actor, id, parsed));
};
const newCafe = (grandCafe = false) =>
	cafes.create(coach, { title: 'Café V', day: '2026-03-12', doetankIds: ['d1', 'd2'], grandCafe });

describe('CafeService', () => {
	it('lets network coaches and admins create a café with a join code', async () => {
		expect(
			await code(cafes.create(person('ann'), { title: 'X', day: '2026-03-12', doetankIds: ['d1'], grandCafe: false }))
		).toBe('forbidden');
		expect(
			await code(cafes.create(coach, { title: 'X', day: '2026-03-12', doetankIds: ['nope'], grandCafe: false }))
		).toBe('validation_failed');
		const cafe = await newCafe();
		expect(cafe.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
		expect(cafe.doetanks.map((d) => d.name)).toEqual(['Slim innen', 'Vaktherapie']);
		expect((await cafes.preview(cafe.code.toLowerCase())).title).toBe('Café V');
		expect(await code(cafes.preview('ZZZZZZ'))).toBe('not_found');
	});

	it('joins a member into their Doetank, asks which one when there are several, refuses outsiders', async () => {
		const cafe = await newCafe();
		expect(await cafes.join(person('ann'), { code: cafe.code })).toEqual({ doetankId: 'd1' });
		expect(await cafes.join(person('bob'), { code: cafe.code })).toEqual({
			choose: [
				{ id: 'd1', name: 'Slim innen' },
				{ id: 'd2', name: 'Vaktherapie' }
			]
		});
		expect(await cafes.join(person('bob'), { code: cafe.code, doetankId: 'd2' })).toEqual({ doetankId: 'd2' });
		expect(await code(cafes.join(person('eve'), { code: cafe.code }))).toBe('forbidden');
		expect(await code(cafes.join(person('ann'), { code: cafe.code, doetankId: 'd3' }))).toBe('forbidden');
		expect(await code(cafes.join(null, { code: cafe.code }))).toBe('unauthenticated');
		expect((await cafes.attendees(coach, cafe.id)).map((a) => [a.userId, a.doetankId])).toEqual([
			['ann', 'd1'],
			['bob', 'd2']
		]);
	});

	it('accepts an invitation to a participating Doetank on the way in, and only to one', async () => {
		const cafe = await newCafe();
		const invite = await invitations.create({ id: 'coa', networkRole: 'admin' }, 'd2', {
			roles: ['lid'],
			lidType: 'schil'
		});
		const other = await invitations.create({ id: 'coa', networkRole: 'admin' }, 'd3', {
			roles: ['lid'],
			lidType: null
		});
		expect(
			await code(cafes.join(person('eve'), { code: cafe.code, invitation: `https://example.nl${other.path}` }))
		).toBe('not_found');
		expect(
			await cafes.join(person('eve'), { code: cafe.code, invitation: `https://example.nl${invite.path}` })
		).toEqual({ doetankId: 'd2' });
		expect((await cafes.attendees(coach, cafe.id)).map((a) => a.userId)).toEqual(['eve']);
	});

	it('shows the facilitator who is where and how the actielijst grew since the start', async () => {
		const cafe = await newCafe();
		await addStoredAction('d1', 'Al voor het café');
		await cafes.join(person('ann'), { code: cafe.code });
		let live = await cafes.live(coach, cafe.id);
		expect(live.doetanks[0]).toMatchObject({ id: 'd1', attendees: 1, present: [], growth: null });
		expect(live.doetanks[0]!.metrics.actions).toBe(1);
		await cafes.start(coach, cafe.id);
		await addStoredAction('d1', 'Tijdens het café');
		const seen: string[] = [];
		const stop = await cafes.watch(coach, cafe.id, () => seen.push('change'));
		presence.set('d1', {}, { userId: 'ann', name: 'Naam ann', canWrite: true, section: 'actielijst', typing: false });
		presence.set('d3', {}, { userId: 'eve', name: 'Naam eve', canWrite: true, section: null, typing: false });
		stop();
		expect(seen).toEqual(['change']);
		live = await cafes.live(coach, cafe.id);
		expect(live.doetanks[0]!.present).toEqual([
			{ userId: 'ann', name: 'Naam ann', canWrite: true, section: 'actielijst', typing: false }
		]);
		expect(live.doetanks[0]!.growth?.actions).toBe(1);
		expect(live.doetanks[1]!.growth?.actions).toBe(0);
		expect(await code(cafes.live(person('ann'), cafe.id))).toBe('forbidden');
	});

	it('opens the evaluation to attendees after the end, once each, and scores it', async () => {
		const cafe = await newCafe();
		await cafes.join(person('ann'), { code: cafe.code });
		expect(await code(cafes.evaluationForm(person('ann'), cafe.id))).toBe('conflict');
		await cafes.end(coach, cafe.id);
		expect(await code(cafes.join(person('bob'), { code: cafe.code, doetankId: 'd1' }))).toBe('conflict');
		expect(await code(cafes.evaluationForm(person('bob'), cafe.id))).toBe('forbidden');
		expect((await cafes.evaluationForm(person('ann'), cafe.id)).form.id).toBe('cafe');
		const answers = {
			'cafe.q8': {
				ranks: {
					netwerken: 1,
					inspiratie_opdoen: 2,
					kennis_vaardigheden_opdoen: 3,
					kennis_vaardigheden_delen: 4,
					werken_aan_vraagstukken: 5
				}
			},
			'cafe.q9': { netwerken: 'precies_genoeg' },
			'cafe.q10': 8
		};
		expect(await code(evaluate(person('ann'), cafe.id, { answers: { 'cafe.q10': 11 } }))).toBe('validation_failed');
		const duplicateRanks = { 'cafe.q8': { ranks: { netwerken: 1, inspiratie_opdoen: 1 } } };
		expect(await code(evaluate(person('ann'), cafe.id, { answers: duplicateRanks }))).toBe('validation_failed');
		await evaluate(person('ann'), cafe.id, { answers });
		expect(await code(evaluate(person('ann'), cafe.id, { answers }))).toBe('conflict');
		// One evaluation: nothing of it is shown.
		expect(await cafes.results(coach, cafe.id)).toMatchObject({
			responses: 1,
			attendees: 1,
			minimum: 3,
			figures: null
		});
		const { rows } = await db.execute('SELECT * FROM cafe_evaluations');
		expect(JSON.stringify(rows)).not.toContain('ann');
		await expect(db.execute('SELECT rowid FROM cafe_evaluations')).rejects.toThrow(/rowid/);
		expect((await cafes.list(person('ann'))).attended[0]?.evaluation).toBe('done');
	});

	it('puts the evaluation in every attendee’s inbox when the café ends, once', async () => {
		const cafe = await newCafe();
		await cafes.join(person('ann'), { code: cafe.code });
		await cafes.join(person('bob'), { code: cafe.code, doetankId: 'd2' });
		await cafes.end(coach, cafe.id);
		await cafes.end(coach, cafe.id);
		const notices = async (id: string) =>
			(await notifications.inbox(person(id))).items.map((n) => [n.kind, n.doetankId, n.link, n.params.cafe]);
		expect(await notices('ann')).toEqual([['cafe_evaluation_open', 'd1', `/cafes/${cafe.id}/evaluatie`, 'Café V']]);
		expect(await notices('bob')).toEqual([['cafe_evaluation_open', 'd2', `/cafes/${cafe.id}/evaluatie`, 'Café V']]);
		expect(await notices('eve')).toEqual([]);
		await evaluate(person('ann'), cafe.id, { answers: { 'cafe.q10': 7 } });
		expect((await notifications.inbox(person('ann'))).items[0]?.readAt).not.toBeNull();
		expect(await notifications.unreadCount(person('ann'))).toBe(0);
		expect(await notifications.unreadCount(person('bob'))).toBe(1);
	});

	it('keeps Grand Café contact details apart, and only after a yes to question 10', async () => {
		const cafe = await newCafe(true);
		await cafes.join(person('ann'), { code: cafe.code });
		await cafes.join(person('bob'), { code: cafe.code, doetankId: 'd1' });
		await cafes.end(coach, cafe.id);
		const contact = { naam: 'Ann', telefoonnummer: '06-1', emailadres: 'ann@x.nl' };
		await evaluate(person('ann'), cafe.id, {
			answers: { 'grand_cafe.q6': 7, 'grand_cafe.q10': { choice: 'ja' } },
			contact
		});
		await evaluate(person('bob'), cafe.id, {
			answers: { 'grand_cafe.q6': 9, 'grand_cafe.q10': { choice: 'nee' } },
			contact: { ...contact, naam: 'Bob' }
		});
		const results = await cafes.results(coach, cafe.id);
		expect(results.form).toBe('grand_cafe');
		expect(results.figures).toBeNull();
		expect(JSON.stringify(results)).not.toContain('Ann');
		expect(await cafes.contacts(coach, cafe.id)).toEqual([{ name: 'Ann', phone: '06-1', email: 'ann@x.nl' }]);
		expect(await code(cafes.contacts(person('ann'), cafe.id))).toBe('forbidden');
		expect(JSON.stringify((await db.execute('SELECT * FROM cafe_evaluations')).rows)).not.toContain('ann@x.nl');
	});

	it('withholds the results below three evaluations and never puts a name beside an answer', async () => {
		const cafe = await newCafe();
		const names = { ann: 'Naam ann', bob: 'Naam bob', eve: 'Naam eve' };
		await db.batch([
			"INSERT INTO memberships (doetank_id, user_id, joined_at) VALUES ('d2', 'eve', 0)",
			"INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d2', 'eve', 'lid')"
		]);
		for (const [id, doetankId] of [
			['ann', 'd1'],
			['bob', 'd1'],
			['eve', 'd2']
		] as const)
			await cafes.join(person(id), { code: cafe.code, doetankId });
		await cafes.end(coach, cafe.id);
		const answer = (organisation: string, grade: number, q3: object) => ({
			answers: { 'cafe.q1': organisation, 'cafe.q2': 'Beleidsmedewerker', 'cafe.q3': q3, 'cafe.q10': grade }
		});
		await evaluate(person('bob'), cafe.id, answer('Gemeente Zeist', 8, { choice: 'ja', text: 'Sneller vergunnen' }));
		await evaluate(person('ann'), cafe.id, answer('Belastingdienst', 6, { choice: 'nee' }));
		let results = await cafes.results(coach, cafe.id);
		expect(results).toMatchObject({ responses: 2, minimum: 3, figures: null });
		expect(JSON.stringify(results)).not.toMatch(/Zeist|Belastingdienst|Sneller/);
		expect((await cafes.resultsCsv(coach, cafe.id, translator('nl'))).csv).not.toMatch(/Zeist|Sneller/);

		await evaluate(person('eve'), cafe.id, answer('Amersfoort', 7, { choice: 'ja', text: 'Anders werken' }));
		results = await cafes.results(coach, cafe.id);
		expect(results.figures?.grade).toMatchObject({ mean: 7, n: 3 });
		// Sorted, not in the order of the attendees: the organisations cannot be lined up with the grades.
		expect(results.figures?.texts.find((t) => t.questionId === 'cafe.q1')?.answers.map((a) => a.text)).toEqual([
			'Amersfoort',
			'Belastingdienst',
			'Gemeente Zeist'
		]);
		const json = JSON.stringify(results);
		for (const name of Object.values(names)) expect(json).not.toContain(name);
		expect(json).not.toMatch(/"(ann|bob|eve)"/);

		// Question 3 keeps what was written after "Ja, namelijk", in the results and in the CSV.
		const q3 = results.figures?.choices.find((c) => c.questionId === 'cafe.q3');
		expect(q3?.counts.find((c) => c.key === 'ja')).toEqual({
			key: 'ja',
			count: 2,
			texts: ['Anders werken', 'Sneller vergunnen']
		});
		const { csv, filename } = await cafes.resultsCsv(coach, cafe.id, translator('nl'));
		expect(filename).toBe('cafe-2026-03-12-resultaten.csv');
		expect(csv.split('\r\n')[0]).toBe('\uFEFFVraag;Nummer;Antwoord of vak;Aantal;Tekst');
		expect(csv).toContain('cafe.q3;3;ja;;Sneller vergunnen');
		expect(csv).toContain('cafe.q3;3;ja;2;');
		expect(csv).not.toMatch(/Naam (ann|bob|eve)/);
		expect(await code(cafes.resultsCsv(person('ann'), cafe.id, translator('nl')))).toBe('forbidden');
	});
});

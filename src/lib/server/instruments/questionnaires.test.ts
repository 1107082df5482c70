import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_EXPECTED, FIXTURE_RESPONSES } from '$lib/domain/instruments/vragenlijst.fixture';
import type { Actor } from '$lib/domain/policy';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { csvNumber, parseCsv } from '../../../../tests/integration/helpers/csv';
import { translator } from '$lib/i18n';
import { createLogger } from '../logger';
import { NotificationService } from '../notifications/service';
import { QuestionnaireService } from './questionnaires';
import { QuestionnaireResponseInput } from '$lib/validation/instruments';
import { outcome as code, seedNetwork, viaRoute } from './test-support';

let db: Database;
let cleanup: () => void;
let service: QuestionnaireService;
let today: string;
const admin: Actor = { id: 'adm', networkRole: 'admin' };
const coach: Actor = { id: 'coa', networkRole: 'coach' };
const person = (id: string): Actor => ({ id, networkRole: 'member' });

beforeEach(async () => {
	today = '2026-03-10';
	({ db, cleanup } = await testDatabase());
	service = new QuestionnaireService(db, new NotificationService(db, createLogger('silent')), () =>
		Date.parse(`${today}T12:00:00Z`)
	);
	await seedNetwork(db, {
		doetanks: [
			['d1', 'Slim innen'],
			['d2', 'Vaktherapie']
		],
		users: ['adm', 'coa', 'ann', 'bob', 'cor', 'dik', 'ops'],
		roles: [
			...['ann', 'bob', 'cor', 'dik'].map((u): [string, string, string] => ['d1', u, 'lid']),
			['d1', 'ops', 'opdrachtgever']
		]
	});
});
afterEach(() => cleanup());
const respond = (actor: Actor, waveId: string, input: unknown) =>
	viaRoute(QuestionnaireResponseInput, input, (parsed) => service.respond(actor, waveId, parsed));

const openWave = () =>
	service.openWave(admin, { name: 'Voormeting', closesOn: '2026-03-31', doetankIds: ['d1', 'd2'] });

describe('QuestionnaireService', () => {
	it('lets only an admin open a wave, for existing Doetanks, closing today or later', async () => {
		expect(await code(service.openWave(coach, { name: 'X', closesOn: '2026-03-31', doetankIds: ['d1'] }))).toBe(
			'forbidden'
		);
		expect(await code(service.openWave(admin, { name: 'X', closesOn: '2026-03-09', doetankIds: ['d1'] }))).toBe(
			'validation_failed'
		);
		expect(await code(service.openWave(admin, { name: 'X', closesOn: '2026-03-31', doetankIds: ['nope'] }))).toBe(
			'validation_failed'
		);
		const wave = await openWave();
		expect(wave).toMatchObject({ name: 'Voormeting', closesOn: '2026-03-31' });
		expect(wave.doetanks.map((d) => [d.name, d.responses])).toEqual([
			['Slim innen', 0],
			['Vaktherapie', 0]
		]);
		expect((await service.waves(coach)).map((w) => w.id)).toEqual([wave.id]);
		expect(await code(service.waves(person('ann')))).toBe('forbidden');
	});

	it('puts the open questionnaire in the inbox of every trekker and lid of its Doetanks, with the link', async () => {
		await openWave();
		const notifications = new NotificationService(db, createLogger('silent'));
		const kinds = async (id: string) =>
			(await notifications.inbox(person(id))).items.map((n) => [n.kind, n.link, n.params.wave]);
		for (const id of ['ann', 'bob', 'cor', 'dik'])
			expect(await kinds(id)).toEqual([
				['questionnaire_open', expect.stringMatching(/^\/vragenlijst\/\w+\/d\d$/), 'Voormeting']
			]);
		expect(await kinds('ops')).toEqual([]);
		expect(await kinds('adm')).toEqual([]);
	});

	it('tells the coaches of each Doetank and the other admins that a meting started, with the link to its results', async () => {
		await db.batch(
			[
				"INSERT INTO users (id, email, name, password_hash, network_role, created_at) VALUES ('ad2', 'ad2@x.nl', 'Naam ad2', 'h', 'admin', 0)",
				"UPDATE users SET network_role = 'admin' WHERE id = 'adm'",
				"INSERT INTO memberships (doetank_id, user_id, joined_at) VALUES ('d2', 'coa', 0)",
				"INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d2', 'coa', 'coach')"
			],
			'write'
		);
		const wave = await openWave();
		const notifications = new NotificationService(db, createLogger('silent'));
		const items = async (id: string) =>
			(await notifications.inbox(person(id))).items.map((n) => [n.kind, n.link, n.params.wave, n.readAt]);
		expect(await items('coa')).toEqual([['questionnaire_started', '/doetanks/d2/vragenlijst', 'Voormeting', null]]);
		expect(await items('ad2')).toEqual([
			['questionnaire_started_network', `/vragenlijst/${wave.id}`, 'Voormeting', null]
		]);
		expect((await notifications.inbox(person('ad2'))).items[0]!.params.by).toBe('Naam adm');
		// The admin who opened it, and the respondents (who get the form instead), get no such item.
		expect(await items('adm')).toEqual([]);
		expect((await items('ann')).map(([kind]) => kind)).toEqual(['questionnaire_open']);
	});

	it('marks the inbox item done once the member answered', async () => {
		const wave = await openWave();
		const notifications = new NotificationService(db, createLogger('silent'));
		const unread = async (id: string) =>
			(await notifications.inbox(person(id))).items.filter((n) => n.readAt === null).map((n) => n.link);
		expect(await unread('ann')).toEqual([`/vragenlijst/${wave.id}/d1`]);
		await respond(person('ann'), wave.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[0] });
		expect(await unread('ann')).toEqual([]);
		expect(await notifications.unreadCount(person('ann'))).toBe(0);
		expect(await unread('bob')).toContain(`/vragenlijst/${wave.id}/d1`);
	});

	it('shows open questionnaires to trekkers and leden only, and each may answer once', async () => {
		const wave = await openWave();
		expect(await service.openFor(person('ann'))).toEqual([
			{
				waveId: wave.id,
				waveName: 'Voormeting',
				closesOn: '2026-03-31',
				doetankId: 'd1',
				doetankName: 'Slim innen',
				responded: false
			}
		]);
		expect(await service.openFor(person('ops'))).toEqual([]);
		expect(await code(respond(person('ops'), wave.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[0] }))).toBe(
			'forbidden'
		);
		await respond(person('ann'), wave.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[0] });
		expect((await service.openFor(person('ann')))[0]?.responded).toBe(true);
		expect(await code(respond(person('ann'), wave.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[1] }))).toBe(
			'conflict'
		);
		expect(await code(respond(person('bob'), wave.id, { doetankId: 'd2', answers: FIXTURE_RESPONSES[1] }))).toBe(
			'forbidden'
		);
		expect(await code(respond(person('bob'), wave.id, { doetankId: 'd1', answers: {} }))).toBe('validation_failed');
		expect(
			await code(respond(person('bob'), wave.id, { doetankId: 'd1', answers: { 'innovatief_werkgedrag.A': 6 } }))
		).toBe('validation_failed');
		expect(await code(respond(person('bob'), 'nope', { doetankId: 'd1', answers: FIXTURE_RESPONSES[1] }))).toBe(
			'not_found'
		);
		const { rows } = await db.execute('SELECT count(*) AS n FROM questionnaire_responses');
		expect(rows[0]?.n).toBe(1);
	});

	it('refuses answers after the closing day and hides the wave from the list', async () => {
		const wave = await openWave();
		today = '2026-04-01';
		expect(await service.openFor(person('bob'))).toEqual([]);
		expect(await code(respond(person('bob'), wave.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[1] }))).toBe(
			'conflict'
		);
	});

	it('shows a Doetank’s figures only from 3 responses on, with the hand-computed means', async () => {
		const wave = await openWave();
		await respond(person('ann'), wave.id, {
			doetankId: 'd1',
			answers: FIXTURE_RESPONSES[0],
			remarks: 'Meer tijd nodig'
		});
		await respond(person('bob'), wave.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[1] });
		let results = await service.waveResults(coach, wave.id);
		expect(results.doetanks[0]?.result).toMatchObject({ respondents: 2, visible: false });
		expect(results.remarks).toEqual([]);
		expect((await service.doetankResults(person('ann'), 'd1')).waves[0]?.result.visible).toBe(false);

		await respond(person('cor'), wave.id, {
			doetankId: 'd1',
			answers: FIXTURE_RESPONSES[2],
			contactName: 'Cor'
		});
		results = await service.waveResults(coach, wave.id);
		const d1 = results.doetanks.find((d) => d.id === 'd1')!.result;
		expect(d1.visible).toBe(true);
		expect(d1.scales.leergedrag.mean).toBeCloseTo(FIXTURE_EXPECTED.group.leergedrag, 10);
		expect(d1.scales.professionalisering.mean).toBeNull();
		expect(results.overall.respondents).toBe(3);
		expect(results.remarks).toEqual(['Meer tijd nodig']);
		expect(await service.contacts(admin, wave.id)).toEqual(['Cor']);
		expect(await code(service.contacts(coach, wave.id))).toBe('forbidden');
		expect(await code(service.doetankResults(person('eve'), 'd1'))).toBe('forbidden');
	});

	it('compares a Doetank’s waves before and after', async () => {
		const before = await openWave();
		for (const [i, u] of ['ann', 'bob', 'cor'].entries())
			await respond(person(u), before.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[i] });
		const after = await service.openWave(admin, { name: 'Nameting', closesOn: '2026-06-30', doetankIds: ['d1'] });
		const raised = FIXTURE_RESPONSES.map((a) => ({
			...a,
			'innovatief_werkgedrag.A': 5,
			'innovatief_werkgedrag.B': 5,
			'innovatief_werkgedrag.C': 5,
			'innovatief_werkgedrag.D': 5
		}));
		for (const [i, u] of ['ann', 'bob', 'dik'].entries())
			await respond(person(u), after.id, { doetankId: 'd1', answers: raised[i] });
		const { waves, changes } = await service.doetankResults(person('ann'), 'd1');
		expect(waves.map((w) => w.name)).toEqual(['Voormeting', 'Nameting']);
		expect(changes).toHaveLength(1);
		expect(changes[0]!.scales.find((c) => c.scaleId === 'innovatief_werkgedrag')).toEqual({
			scaleId: 'innovatief_werkgedrag',
			before: 4,
			after: 5,
			change: 1
		});
	});

	it('exports anonymous rows with scale scores that read back the same, only for Doetanks with 3 responses', async () => {
		const wave = await openWave();
		for (const [i, u] of ['ann', 'bob', 'cor'].entries())
			await respond(person(u), wave.id, { doetankId: 'd1', answers: FIXTURE_RESPONSES[i] });
		expect(await code(service.exportCsv(coach, wave.id, translator('en')))).toBe('forbidden');
		const { csv } = await service.exportCsv(admin, wave.id, translator('en'));
		const [header, ...rows] = parseCsv(csv);
		expect(rows).toHaveLength(3);
		expect(header!.slice(0, 3)).toEqual(['Wave', 'Doetank', 'innovatief_werkgedrag.A']);
		expect(header).not.toContain('doetank.9');
		expect(csv).not.toMatch(/ann|bob|cor/);
		const col = header!.indexOf('scale.leergedrag');
		const scores = rows.map((r) => csvNumber(r[col]!)).sort();
		expect(scores).toEqual([3, 3.6, 30 / 7].sort());
		const nvt = header!.indexOf('overige_vragen.B');
		expect(rows.filter((r) => r[nvt] === '')).toHaveLength(1);
	});

	it('stores no user with the answers: no user column, no rowid, no time, ids not in insert order', async () => {
		const wave = await openWave();
		for (const [i, u] of ['ann', 'bob', 'cor'].entries()) {
			await respond(person(u), wave.id, {
				doetankId: 'd1',
				answers: FIXTURE_RESPONSES[i],
				contactName: i === 1 ? 'Bob B.' : ''
			});
		}
		for (const table of ['questionnaire_responses', 'questionnaire_contacts']) {
			const columns = (await db.execute(`PRAGMA table_info(${table})`)).rows.map((r) => String(r.name));
			expect(
				columns.some((c) => /user|time|_at$|created|seq/.test(c)),
				table
			).toBe(false);
			await expect(db.execute(`SELECT rowid FROM ${table}`), table).rejects.toThrow(/rowid/);
			const dump = JSON.stringify((await db.execute(`SELECT * FROM ${table}`)).rows);
			for (const u of ['ann', 'bob', 'cor']) expect(dump).not.toContain(`"${u}"`);
		}
		const respondents = (await db.execute('PRAGMA table_info(questionnaire_respondents)')).rows.map((r) =>
			String(r.name)
		);
		expect(respondents.sort()).toEqual(['doetank_id', 'user_id', 'wave_id']);
		await expect(db.execute('SELECT rowid FROM questionnaire_respondents')).rejects.toThrow(/rowid/);
	});
});

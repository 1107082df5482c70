import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Actor } from '$lib/domain/policy';
import { translator } from '$lib/i18n';
import { addAction, probleemdefinitie } from '$lib/domain/workspace';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { SignalSettingsInput } from '$lib/validation/monitoring';
import { logEdit, outcome, seedNetwork, viaRoute } from '../instruments/test-support';
import { MonitoringService } from './service';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-03-15T12:00:00Z');
let db: Database;
let cleanup: () => void;
let monitoring: MonitoringService;
const admin: Actor = { id: 'adm', networkRole: 'admin' };
const coachOf = (id: string): Actor => ({ id, networkRole: 'member' });
let seq = 0;

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	monitoring = new MonitoringService(db, () => NOW);
	seq = 0;
	await seedNetwork(db, {
		doetanks: [
			['d1', 'Slim innen'],
			['d2', 'Vaktherapie']
		],
		users: ['adm', 'coa', 'ann', 'bob', 'cor', 'ops'],
		roles: [
			['d1', 'coa', 'coach'],
			['d1', 'ann', 'lid'],
			['d1', 'bob', 'lid'],
			['d1', 'cor', 'lid'],
			['d2', 'ann', 'trekker']
		]
	});
	await db.execute(`UPDATE doetanks SET created_at = ${NOW - 60 * DAY}`);
	await db.execute("UPDATE memberships SET lid_type = 'kern' WHERE user_id IN ('ann', 'bob', 'cor')");
	await db.execute("UPDATE memberships SET direct_stake = 1 WHERE user_id = 'ann' AND doetank_id = 'd1'");
});
afterEach(() => cleanup());

const edit = (doetankId: string, userId: string | null, at: number, change: (doc: Y.Doc) => void) =>
	logEdit(db, doetankId, ++seq, userId, at, change);

const rowOf = async (actor: Actor, id: string) => (await monitoring.dashboard(actor)).rows.find((r) => r.id === id)!;
const saveSettings = (actor: Actor, input: unknown) =>
	viaRoute(SignalSettingsInput, input, (parsed) => monitoring.saveSettings(actor, parsed));
const keys = async (id: string) => (await rowOf(admin, id)).signals.map((s) => s.key);

describe('MonitoringService', () => {
	it('shows a coach only the Doetanks they coach, an admin all of them', async () => {
		expect((await monitoring.dashboard(coachOf('coa'))).rows.map((r) => r.id)).toEqual(['d1']);
		expect((await monitoring.dashboard(admin)).rows.map((r) => r.id)).toEqual(['d1', 'd2']);
		expect((await monitoring.dashboard(coachOf('ann'))).rows).toEqual([]);
		expect(await outcome(monitoring.signalInput(coachOf('ann'), 'd1'))).toBe('forbidden');
		expect(await outcome(monitoring.overview(coachOf('coa')))).toBe('forbidden');
	});

	it('flags a stalled Doetank and clears each flag once the missing step is done', async () => {
		expect(await keys('d1')).toEqual([
			'noOpdrachtgever',
			'noConfirmedAgreement',
			'probleemdefinitieOpen',
			'inactive',
			'fewActiveCore'
		]);
		await db.batch([
			"INSERT INTO memberships (doetank_id, user_id, joined_at) VALUES ('d1', 'ops', 0)",
			"INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d1', 'ops', 'opdrachtgever')"
		]);
		for (const u of ['ann', 'bob', 'cor']) await edit('d1', u, NOW - DAY, (doc) => doc.getMap('x').set(u, 1));
		await edit('d1', 'ann', NOW - DAY, (doc) =>
			writeTiptap(probleemdefinitie(doc), [p(text('Gezinnen wachten te lang'))])
		);
		expect(await keys('d1')).toEqual(['noConfirmedAgreement', 'probleemdefinitieOpen']);
		const row = await rowOf(admin, 'd1');
		expect(row).toMatchObject({ active7: 3, active30: 3, daysInPhase: 60, lastActivityAt: NOW - DAY });
		expect(row.signals.find((s) => s.key === 'probleemdefinitieOpen')?.message).toBe(
			'signal.probleemdefinitieOpen.unapproved'
		);
	});

	it('counts open and overdue actions, activity from compacted days, and terugkoppelmomenten', async () => {
		await edit('d1', 'ann', NOW - 2 * DAY, (doc) => {
			addAction(doc, { title: 'Te laat', due: '2026-03-01' }, 'ann');
			addAction(doc, { title: 'Op tijd', due: '2026-03-20' }, 'ann');
		});
		await edit('d1', null, NOW, (doc) => doc.getMap('meta').set('prepared', true));
		await db.execute({
			sql: "INSERT INTO doc_checkpoints (doetank_id, day, state, seq, contributors, created_at) VALUES ('d1', '2026-03-10', x'00', 0, '[\"bob\"]', 0)",
			args: []
		});
		await db.batch([
			"INSERT INTO checkpoints (id, doetank_id, title, planned_day, subjects, created_at, updated_at) VALUES ('k1', 'd1', 'Eerste terugkoppeling', '2026-03-05', '[\"probleemdefinitie\"]', 0, 0)",
			"INSERT INTO checkpoints (id, doetank_id, title, planned_day, subjects, created_at, updated_at) VALUES ('k2', 'd1', 'Tweede terugkoppeling', '2026-04-01', '[\"actielijst\"]', 0, 0)"
		]);
		const row = await rowOf(admin, 'd1');
		expect(row).toMatchObject({
			openActions: 2,
			overdueActions: 1,
			active7: 2,
			active30: 2,
			lastActivityAt: NOW - 2 * DAY,
			nextCheckpoint: { title: 'Tweede terugkoppeling', day: '2026-04-01' },
			pendingApprovals: 0
		});
		expect(row.signals.map((s) => s.key)).toEqual(expect.arrayContaining(['overdueActions', 'overdueCheckpoints']));
	});

	it('uses the admin’s thresholds, validated', async () => {
		expect(
			await outcome(
				saveSettings(coachOf('coa'), {
					probleemdefinitieWeeks: 6,
					inactiveDays: 21,
					activeWindowDays: 30,
					minActiveCore: 3,
					maxPhaseMonths: 6
				})
			)
		).toBe('forbidden');
		expect(
			await outcome(
				saveSettings(admin, {
					probleemdefinitieWeeks: 0,
					inactiveDays: 21,
					activeWindowDays: 30,
					minActiveCore: 3,
					maxPhaseMonths: 6
				})
			)
		).toBe('validation_failed');
		await saveSettings(admin, {
			probleemdefinitieWeeks: 10,
			inactiveDays: 100,
			activeWindowDays: 30,
			minActiveCore: 0 + 1,
			maxPhaseMonths: 1
		});
		expect(await keys('d1')).toEqual(['noOpdrachtgever', 'noConfirmedAgreement', 'fewActiveCore', 'longInPhase']);
	});

	it('keeps the coach’s bijzonderheden in the network overview and exports it as CSV', async () => {
		expect(await outcome(monitoring.setNote(coachOf('ann'), 'd1', { bijzonderheden: 'x' }))).toBe('forbidden');
		await monitoring.setNote(coachOf('coa'), 'd1', { bijzonderheden: 'Opdrachtgever met verlof, "tot mei"' });
		const overview = await monitoring.overview({ id: 'coa', networkRole: 'coach' });
		expect(overview.find((r) => r.id === 'd1')?.bijzonderheden).toBe('Opdrachtgever met verlof, "tot mei"');
		const t = translator('nl');
		const lines = (await monitoring.overviewCsv(admin, t)).split('\r\n');
		expect(lines[0]).toBe('\uFEFFDoetank;Onderwerp;Beoogd doel;Fase;Bijzonderheden');
		expect(lines[1]).toBe(`Slim innen;o;d;${t('phase.fase_0')};"Opdrachtgever met verlof, ""tot mei"""`);
	});

	it('changes its fingerprint when a phase transition or a membership change happens', async () => {
		const before = await monitoring.fingerprint();
		await db.execute(
			`INSERT INTO phase_transitions (id, doetank_id, from_phase, to_phase, actor_id, at) VALUES ('t1', 'd1', 'fase_0', 'fase_1', 'coa', ${NOW - 10 * DAY})`
		);
		const after = await monitoring.fingerprint();
		expect(after).not.toBe(before);
		expect((await rowOf(admin, 'd1')).daysInPhase).toBe(10);
		await db.execute("INSERT INTO membership_roles (doetank_id, user_id, role) VALUES ('d1', 'ann', 'trekker')");
		expect(await monitoring.fingerprint()).not.toBe(after);
	});
});

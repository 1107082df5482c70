import { translator } from '$lib/i18n';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	canvasField,
	createPilotCanvas,
	NETWORK_CANVAS_ID,
	NETWORK_ROOM,
	prepareNetworkDocument,
	setCanvasStrategy
} from '$lib/domain/workspace';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { dayIn } from '$lib/domain/calendar';
import { PHASES, type Phase } from '$lib/domain/roles';
import { seedDemo } from '../demo/seed';
import { ReportPeriodInput } from '$lib/validation/report';
import { logEdit, outcome, seedNetwork, viaRoute } from '../instruments/test-support';
import { MonitoringService } from '../monitoring/service';
import { ReportService } from './service';

const at = (day: string) => Date.parse(`${day}T11:00:00Z`);
let db: Database;
let cleanup: () => void;
let service: ReportService;
const admin = { id: 'adm', networkRole: 'admin' } as const;
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

/** The phase counts of /overzicht, which shows every Doetank's current phase. */
async function overviewCounts(): Promise<Record<Phase, number>> {
	const counts = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
	for (const row of await new MonitoringService(db).overview(admin)) counts[row.phase]++;
	return counts;
}

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	service = new ReportService(db);
	await seedNetwork(db, {
		doetanks: [
			['d1', 'Slim innen'],
			['d2', 'Vaktherapie']
		],
		users: ['adm', 'ann', 'bob'],
		roles: [
			['d1', 'ann', 'trekker'],
			['d2', 'bob', 'lid']
		]
	});
	await db.execute(`UPDATE doetanks SET created_at = ${at('2026-03-02')} WHERE id = 'd1'`);
	await db.execute("UPDATE memberships SET direct_stake = 1 WHERE user_id = 'ann'");
});
afterEach(() => cleanup());

describe('ReportService', () => {
	it('is for admins and coaches, over a valid period', async () => {
		expect(await outcome(service.report(null, PERIOD))).toBe('unauthenticated');
		expect(await outcome(service.report({ id: 'ann', networkRole: 'member' }, PERIOD))).toBe('forbidden');
		expect(await outcome(service.report({ id: 'c', networkRole: 'coach' }, PERIOD))).toBe('ok');
		expect(
			await outcome(
				viaRoute(ReportPeriodInput, { from: '2026-03-31', to: '2026-03-01' }, (period) => service.report(admin, period))
			)
		).toBe('validation_failed');
		expect(
			await outcome(
				viaRoute(ReportPeriodInput, { from: '2026-02-30', to: '2026-03-01' }, (period) => service.report(admin, period))
			)
		).toBe('validation_failed');
	});

	it('reads edits, transitions and the pilot canvases from the database', async () => {
		await logEdit(db, 'd1', 1, 'ann', at('2026-03-05'), (doc) => {
			const id = createPilotCanvas(doc, 'Gemeente Zeist', { id: 'pilot:z' });
			writeTiptap(canvasField(doc, id, 'q5_kwantitatieve_outcome'), [p(text('20% minder bezwaren'))]);
			writeTiptap(canvasField(doc, id, 'q6_kwalitatieve_outcome'), [p(text('Rust bij de balie'))]);
		});
		await logEdit(db, 'd2', 1, 'bob', at('2026-02-05'), (doc) => doc.getMap('x').set('a', 1));
		await db.execute(
			`INSERT INTO doc_checkpoints (doetank_id, day, state, seq, contributors, created_at) VALUES ('d2', '2026-03-09', x'00', 0, '["bob"]', 0)`
		);
		await db.batch([
			`INSERT INTO phase_transitions (id, doetank_id, from_phase, to_phase, actor_id, at) VALUES ('t1', 'd2', 'fase_0', 'fase_1', 'adm', ${at('2026-03-10')})`,
			`INSERT INTO phase_transitions (id, doetank_id, from_phase, to_phase, actor_id, at, reason_category, explanation) VALUES ('t2', 'd2', 'fase_1', 'gestopt', 'adm', ${at('2026-03-20')}, 'onvoldoende_tijd', 'x')`
		]);
		const report = await service.report(admin, PERIOD);
		expect(report.doe).toMatchObject({
			started: 1,
			stopped: 1,
			stopReasons: [{ reason: 'onvoldoende_tijd', count: 1 }],
			activeDoetankers: 2,
			activeProbleemeigenaren: 1
		});
		expect(report.doe.perPhase).toMatchObject({ fase_0: 1, gestopt: 1 });
		expect(report.verander).toEqual({ inFase2: 0, pilots: 1, organisations: [{ name: 'Gemeente Zeist', pilots: 1 }] });
		expect(report.effect.businessCases).toEqual([
			{
				doetankId: 'd1',
				doetankName: 'Slim innen',
				canvasId: 'pilot:z',
				level: 'pilot',
				name: 'Gemeente Zeist',
				q5: '20% minder bezwaren',
				q6: 'Rust bij de balie'
			}
		]);
		const { csv, filename } = await service.csv(admin, PERIOD, translator('nl'));
		expect(filename).toBe('rapportage-2026-03-01-2026-03-31.csv');
		expect(csv.split('\r\n')).toContain('effect;q5;Slim innen;Gemeente Zeist;20% minder bezwaren');
		expect(csv.startsWith('\uFEFFOnderdeel;Maat;Item;Detail;Waarde\r\n')).toBe(true);
	});

	it('includes the network business case and does not count its editors as Doetankers', async () => {
		expect((await service.report(admin, PERIOD)).effect.network).toBeNull();
		await logEdit(db, NETWORK_ROOM, 1, 'adm', at('2026-03-05'), (doc) => {
			prepareNetworkDocument(doc);
			writeTiptap(canvasField(doc, NETWORK_CANVAS_ID, 'baten'), [p(text('Kennis over de Doetanks heen'))]);
			setCanvasStrategy(doc, NETWORK_CANVAS_ID, 'indirect');
		});
		const report = await service.report(admin, PERIOD);
		expect(report.effect.network).toMatchObject({
			strategy: 'indirect',
			fields: { baten: 'Kennis over de Doetanks heen' }
		});
		expect(report.doe.activeDoetankers).toBe(0);
	});

	it('counts the demo network per phase as the overview does, also for a period ending in the future', async () => {
		cleanup();
		({ db, cleanup } = await testDatabase());
		service = new ReportService(db);
		await seedDemo(db);
		const expected = await overviewCounts();
		expect(expected).toEqual({ fase_0: 3, fase_1: 2, fase_2: 3, afgerond: 0, gestopt: 5 });
		const today = dayIn(Date.now());
		for (const period of [
			{ from: `${today.slice(0, 4)}-01-01`, to: today },
			{ from: '2020-01-01', to: '2099-12-31' }
		]) {
			const report = await service.report(admin, period);
			expect(report.doe.perPhase).toEqual(expected);
			expect(report.verander.inFase2).toBe(3);
			expect(report.doe.stopped).toBe(5);
		}
	});

	it('counts moved Doetanks and one imported in a phase without moves as the overview does', async () => {
		const now = Date.now();
		await db.batch([
			`INSERT INTO phase_transitions (id, doetank_id, from_phase, to_phase, actor_id, at) VALUES ('t1', 'd1', 'fase_0', 'fase_1', 'adm', ${now - 2000})`,
			`INSERT INTO phase_transitions (id, doetank_id, from_phase, to_phase, actor_id, at) VALUES ('t2', 'd1', 'fase_1', 'fase_2', 'adm', ${now - 1000})`,
			// Imported straight into fase 1: a phase, no recorded move.
			"INSERT INTO doetanks (id, name, onderwerp, beoogd_doel, phase, created_at) VALUES ('d3', 'Import', 'o', 'd', 'fase_1', 0)"
		]);
		const expected = await overviewCounts();
		expect(expected).toMatchObject({ fase_0: 1, fase_1: 1, fase_2: 1 });
		const today = dayIn(now);
		for (const to of [today, '2099-12-31']) {
			expect((await service.report(admin, { from: '2020-01-01', to })).doe.perPhase).toEqual(expected);
		}
	});
});

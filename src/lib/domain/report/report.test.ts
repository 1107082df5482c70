import { describe, expect, it } from 'vitest';
import { FIXTURE_EXPECTED, FIXTURE_RESPONSES } from '../instruments/vragenlijst.fixture';
import type { Answers } from '../instruments/vragenlijst-scoring';
import { BUSINESS_CASE_FIELD_KEYS } from '../workspace/business-case-fields';
import { buildReport, type NetworkCanvas, type ReportFacts } from './report';
import { REPORT_CSV_HEADER, reportRows } from './rows';

/** Noon in Amsterdam on a day: safely inside that calendar day. */
const at = (day: string) => Date.parse(`${day}T11:00:00Z`);
const innovatief = (code: number): Answers => ({
	'innovatief_werkgedrag.A': code,
	'innovatief_werkgedrag.B': code,
	'innovatief_werkgedrag.C': code,
	'innovatief_werkgedrag.D': code
});
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

const facts: ReportFacts = {
	doetanks: [
		{ id: 'old', name: 'Oud', createdAt: at('2026-01-10'), phase: 'fase_2' },
		{ id: 'a', name: 'Alfa', createdAt: at('2026-03-02'), phase: 'gestopt' },
		{ id: 'b', name: 'Beta', createdAt: at('2026-03-31'), phase: 'afgerond' },
		{ id: 'late', name: 'Later', createdAt: at('2026-04-01'), phase: 'gestopt' }
	],
	transitions: [
		{ doetankId: 'old', fromPhase: 'fase_0', toPhase: 'fase_1', at: at('2026-02-01'), reason: null },
		{ doetankId: 'old', fromPhase: 'fase_1', toPhase: 'fase_2', at: at('2026-03-05'), reason: null },
		{ doetankId: 'a', fromPhase: 'fase_0', toPhase: 'gestopt', at: at('2026-03-20'), reason: 'onvoldoende_tijd' },
		{ doetankId: 'b', fromPhase: 'fase_0', toPhase: 'fase_1', at: at('2026-04-01'), reason: null },
		{ doetankId: 'b', fromPhase: 'fase_1', toPhase: 'afgerond', at: at('2026-04-02'), reason: null },
		{ doetankId: 'late', fromPhase: 'fase_0', toPhase: 'gestopt', at: at('2026-04-03'), reason: 'anders' }
	],
	members: [
		{ doetankId: 'a', userId: 'ann', directStake: true },
		{ doetankId: 'old', userId: 'ann', directStake: false },
		{ doetankId: 'old', userId: 'bob', directStake: true },
		{ doetankId: 'b', userId: 'cor', directStake: true }
	],
	loggedEdits: [
		{ doetankId: 'old', userId: 'bob', at: Date.parse('2026-03-31T21:00:00Z') },
		{ doetankId: 'b', userId: 'cor', at: Date.parse('2026-03-31T22:00:00Z') },
		{ doetankId: 'a', userId: 'dik', at: at('2026-02-28') }
	],
	foldedEdits: [
		{ doetankId: 'old', userId: 'ann', day: '2026-03-03' },
		{ doetankId: 'a', userId: 'bob', day: '2026-03-10' }
	],
	cafes: [
		{ id: 'c1', day: '2026-03-12', held: true, attendees: 5 },
		{ id: 'c2', day: '2026-03-13', held: false, attendees: 0 },
		{ id: 'c3', day: '2026-04-12', held: true, attendees: 7 }
	],
	approvals: [
		{ doetankId: 'old', at: at('2026-03-15') },
		{ doetankId: 'old', at: at('2026-02-15') }
	],
	waves: [
		{
			id: 'w2',
			name: 'Nameting',
			createdAt: at('2026-03-20'),
			closesOn: '2026-04-10',
			responses: [innovatief(5), innovatief(5), innovatief(4)]
		},
		{ id: 'w1', name: 'Voormeting', createdAt: at('2026-02-20'), closesOn: '2026-03-05', responses: FIXTURE_RESPONSES },
		{
			id: 'w0',
			name: 'Klein',
			createdAt: at('2026-03-01'),
			closesOn: '2026-03-08',
			responses: [innovatief(1), innovatief(1)]
		},
		{ id: 'old', name: 'Vorig jaar', createdAt: at('2025-02-20'), closesOn: '2025-03-05', responses: FIXTURE_RESPONSES }
	],
	canvases: [
		{ doetankId: 'old', id: 'doetank', level: 'doetank', name: '', q5: '- 10% minder wachttijd', q6: '' },
		{ doetankId: 'old', id: 'pilot:1', level: 'pilot', name: 'Gemeente Utrecht', q5: '', q6: '- Tevredener burgers' },
		{ doetankId: 'old', id: 'pilot:2', level: 'pilot', name: 'Amsterdam', q5: '', q6: '' },
		{ doetankId: 'a', id: 'pilot:3', level: 'pilot', name: 'Gemeente Utrecht', q5: '', q6: '' },
		{ doetankId: 'a', id: 'personal:ann', level: 'personal', name: '', q5: 'Privé', q6: '' },
		{ doetankId: 'a', id: 'doetank', level: 'doetank', name: '', q5: '', q6: '' },
		{ doetankId: 'a', id: 'society', level: 'society', name: '', q5: '- Minder schulden in Nederland', q6: '' },
		{ doetankId: 'late', id: 'pilot:4', level: 'pilot', name: 'Gemeente Later', q5: 'Te laat', q6: '' }
	],
	networkCanvas: null
};

const emptyFields = Object.fromEntries(BUSINESS_CASE_FIELD_KEYS.map((k) => [k, ''])) as NetworkCanvas['fields'];

describe('buildReport', () => {
	const report = buildReport(PERIOD, facts);

	it('counts the doe-resultaat of the period', () => {
		expect(report.doe).toEqual({
			started: 2,
			// 'late' did not exist yet; 'b' only moved (and completed) after the period.
			perPhase: { fase_0: 1, fase_1: 0, fase_2: 1, afgerond: 0, gestopt: 1 },
			completed: 0,
			stopped: 1,
			stopReasons: [{ reason: 'onvoldoende_tijd', count: 1 }],
			// ann and bob edited in March; cor only on 1 April (Amsterdam time), dik only in February.
			activeDoetankers: 2,
			// bob has a direct stake in 'old' and edited it; ann's stake is in 'a', where she did not edit.
			activeProbleemeigenaren: 1,
			cafes: 1,
			cafeAttendance: 5,
			approvals: 1
		});
	});

	it('gives scale means per wave open in the period, hidden below 3 respondents, and their change', () => {
		expect(report.leer.waves.map((w) => [w.id, w.respondents, w.visible])).toEqual([
			['w1', 3, true],
			['w0', 2, false],
			['w2', 3, true]
		]);
		const mean = (id: string, scale: string) =>
			report.leer.waves.find((w) => w.id === id)!.scales.find((s) => s.scaleId === scale)!.mean;
		expect(mean('w1', 'innovatief_werkgedrag')).toBe(FIXTURE_EXPECTED.group.innovatief_werkgedrag);
		expect(mean('w1', 'professionalisering')).toBeNull();
		expect(mean('w0', 'innovatief_werkgedrag')).toBeNull();
		expect(mean('w2', 'innovatief_werkgedrag')).toBeCloseTo(14 / 3);
		expect(report.leer.changes).toHaveLength(1);
		const change = report.leer.changes[0]!;
		expect([change.from, change.to]).toEqual(['w1', 'w2']);
		expect(change.scales.find((s) => s.scaleId === 'innovatief_werkgedrag')!.change).toBeCloseTo(14 / 3 - 4);
		expect(change.scales.find((s) => s.scaleId === 'leergedrag')!.change).toBeNull();
	});

	it('reports fase 2, the pilots and the adopting organisations of the Doetanks that existed then', () => {
		expect(report.verander).toEqual({
			inFase2: 1,
			pilots: 3,
			organisations: [
				{ name: 'Amsterdam', pilots: 1 },
				{ name: 'Gemeente Utrecht', pilots: 2 }
			]
		});
	});

	it('lists the Doetank, pilot and society business cases with an outcome, never a personal one', () => {
		expect(report.effect.businessCases.map((b) => [b.doetankName, b.canvasId, b.q5, b.q6])).toEqual([
			['Alfa', 'society', '- Minder schulden in Nederland', ''],
			['Oud', 'doetank', '- 10% minder wachttijd', ''],
			['Oud', 'pilot:1', '', '- Tevredener burgers']
		]);
	});

	it('includes the network business case (level 5) once something is written in it', () => {
		expect(report.effect.network).toBeNull();
		expect(
			buildReport(PERIOD, { ...facts, networkCanvas: { strategy: null, fields: emptyFields } }).effect.network
		).toBe(null);
		const network = { strategy: 'indirect' as const, fields: { ...emptyFields, baten: '- Kennis gedeeld' } };
		expect(buildReport(PERIOD, { ...facts, networkCanvas: network }).effect.network).toEqual(network);
	});

	it('counts a Doetank per phase as it stood at the end of the period, in the network’s time zone', () => {
		// 23:30 UTC on 31 March is already 1 April in Amsterdam.
		const lateNight = buildReport(PERIOD, {
			...facts,
			doetanks: facts.doetanks.map((d) => ({ ...d, phase: d.id === 'old' ? 'afgerond' : 'fase_0' })),
			transitions: [
				{
					doetankId: 'old',
					fromPhase: 'fase_2',
					toPhase: 'afgerond',
					at: Date.parse('2026-03-31T23:30:00Z'),
					reason: null
				}
			]
		});
		expect(lateNight.doe.perPhase).toMatchObject({ fase_0: 2, fase_2: 1, afgerond: 0 });
		expect(lateNight.doe.completed).toBe(0);
	});

	it('counts a Doetank without recorded moves in its current phase, as the overview does', () => {
		// As seeded or imported: a phase, no moves. Also for a period that ends in the future.
		const seeded: ReportFacts = {
			...facts,
			doetanks: [
				{ id: 'x', name: 'X', createdAt: at('2026-01-02'), phase: 'fase_2' },
				{ id: 'y', name: 'Y', createdAt: at('2026-01-02'), phase: 'gestopt' },
				{ id: 'z', name: 'Z', createdAt: at('2026-01-02'), phase: 'fase_1' }
			],
			transitions: []
		};
		for (const period of [PERIOD, { from: '2026-01-01', to: '2099-12-31' }]) {
			expect(buildReport(period, seeded).doe.perPhase).toEqual({
				fase_0: 0,
				fase_1: 1,
				fase_2: 1,
				afgerond: 0,
				gestopt: 1
			});
		}
	});

	it('places a Doetank in the phase its first later move started from, before that move', () => {
		const moved: ReportFacts = {
			...facts,
			doetanks: [{ id: 'x', name: 'X', createdAt: at('2026-01-02'), phase: 'afgerond' }],
			// Imported in fase 1, moved on only after the period.
			transitions: [
				{ doetankId: 'x', fromPhase: 'fase_1', toPhase: 'fase_2', at: at('2026-04-05'), reason: null },
				{ doetankId: 'x', fromPhase: 'fase_2', toPhase: 'afgerond', at: at('2026-05-05'), reason: null }
			]
		};
		expect(buildReport(PERIOD, moved).doe.perPhase).toMatchObject({ fase_1: 1, fase_2: 0, afgerond: 0 });
		expect(buildReport({ from: '2026-01-01', to: '2026-04-30' }, moved).doe.perPhase).toMatchObject({
			fase_1: 0,
			fase_2: 1
		});
		expect(buildReport({ from: '2026-01-01', to: '2099-12-31' }, moved).doe.perPhase).toMatchObject({
			fase_2: 0,
			afgerond: 1
		});
	});

	it('flattens to rows that carry every figure', () => {
		const rows = reportRows(report);
		expect(REPORT_CSV_HEADER).toHaveLength(rows[0]!.length);
		const value = (section: string, measure: string, item = '', detail = '') =>
			rows.find((r) => r[0] === section && r[1] === measure && r[2] === item && r[3] === detail)?.[4];
		expect(value('period', 'from')).toBe('2026-03-01');
		expect(value('doe', 'started')).toBe(2);
		expect(value('doe', 'phase', 'fase_2')).toBe(1);
		expect(value('doe', 'stopReason', 'onvoldoende_tijd')).toBe(1);
		expect(value('doe', 'cafeAttendance')).toBe(5);
		expect(value('leer', 'respondents', 'Klein')).toBe(2);
		expect(value('leer', 'mean', 'Klein', 'innovatief_werkgedrag')).toBeNull();
		expect(value('leer', 'mean', 'Voormeting', 'innovatief_werkgedrag')).toBe(4);
		expect(value('leer', 'change', 'Voormeting → Nameting', 'innovatief_werkgedrag')).toBeCloseTo(2 / 3);
		expect(value('verander', 'organisation', 'Gemeente Utrecht')).toBe(2);
		expect(value('effect', 'q6', 'Oud', 'Gemeente Utrecht')).toBe('- Tevredener burgers');
	});
});

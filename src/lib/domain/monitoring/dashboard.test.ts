import { describe, expect, it } from 'vitest';
import { applyQuery, parseQuery, signalCounts, type DashboardRow } from './dashboard';

const row = (name: string, changes: Partial<DashboardRow> = {}): DashboardRow => ({
	id: name.toLowerCase(),
	name,
	phase: 'fase_0',
	daysInPhase: 10,
	lastActivityAt: 1000,
	active7: 0,
	active30: 0,
	openActions: 0,
	overdueActions: 0,
	nextCheckpoint: null,
	pendingApprovals: 0,
	signals: [],
	...changes
});

const signal = (key: 'noOpdrachtgever' | 'inactive') => ({
	key,
	message: 'signal.inactive.explain' as const,
	params: {}
});
const rows = [
	row('Bravo', { signals: [signal('inactive')], phase: 'fase_1', daysInPhase: 40, lastActivityAt: 500 }),
	row('alfa', { signals: [signal('inactive'), signal('noOpdrachtgever')], lastActivityAt: null }),
	row('Charlie', { phase: 'fase_2', daysInPhase: 5, lastActivityAt: 2000 })
];
const names = (list: DashboardRow[]) => list.map((r) => r.name);

describe('dashboard query', () => {
	it('reads known values and ignores the rest', () => {
		expect(parseQuery(new URLSearchParams('signaal=inactive&fase=fase_1&sorteer=name'))).toEqual({
			signal: 'inactive',
			phase: 'fase_1',
			sort: 'name'
		});
		expect(parseQuery(new URLSearchParams('signaal=x&fase=fase_9&sorteer=y'))).toEqual({
			signal: null,
			phase: null,
			sort: 'signals'
		});
	});

	it('sorts by signals (most first), name, phase, days in phase and quietest first', () => {
		const q = { signal: null, phase: null };
		expect(names(applyQuery(rows, { ...q, sort: 'signals' }))).toEqual(['alfa', 'Bravo', 'Charlie']);
		expect(names(applyQuery(rows, { ...q, sort: 'name' }))).toEqual(['alfa', 'Bravo', 'Charlie']);
		expect(names(applyQuery(rows, { ...q, sort: 'phase' }))).toEqual(['alfa', 'Bravo', 'Charlie']);
		expect(names(applyQuery(rows, { ...q, sort: 'daysInPhase' }))).toEqual(['Bravo', 'alfa', 'Charlie']);
		expect(names(applyQuery(rows, { ...q, sort: 'lastActivity' }))).toEqual(['alfa', 'Bravo', 'Charlie']);
	});

	it('filters by signal and by phase, and counts rows per signal', () => {
		expect(names(applyQuery(rows, { signal: 'noOpdrachtgever', phase: null, sort: 'name' }))).toEqual(['alfa']);
		expect(names(applyQuery(rows, { signal: 'inactive', phase: 'fase_1', sort: 'name' }))).toEqual(['Bravo']);
		expect(names(applyQuery(rows, { signal: null, phase: 'fase_2', sort: 'name' }))).toEqual(['Charlie']);
		expect(signalCounts(rows)).toMatchObject({ inactive: 2, noOpdrachtgever: 1, longInPhase: 0 });
	});
});

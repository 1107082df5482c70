import { describe, expect, it } from 'vitest';
import {
	FINE_RETENTION_MS,
	shouldCutVersion,
	versionDueAt,
	versionsToPrune,
	type VersionRef
} from './version-schedule';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const INTERVAL = 10 * MIN;
/** An instant in Amsterdam winter time (UTC+1). */
const at = (day: string, time: string) => Date.parse(`${day}T${time}:00+01:00`);

describe('shouldCutVersion', () => {
	const base = { now: at('2026-12-04', '20:00'), intervalMs: INTERVAL };
	it('never cuts when nothing changed since the last version, not even when everyone left', () => {
		expect(shouldCutVersion({ ...base, firstEditAt: null, everyoneLeft: false })).toBe(false);
		expect(shouldCutVersion({ ...base, firstEditAt: null, everyoneLeft: true })).toBe(false);
	});
	it('waits until an interval has passed since the first edit', () => {
		expect(shouldCutVersion({ ...base, firstEditAt: base.now - INTERVAL + 1, everyoneLeft: false })).toBe(false);
		expect(shouldCutVersion({ ...base, firstEditAt: base.now - INTERVAL, everyoneLeft: false })).toBe(true);
		expect(shouldCutVersion({ ...base, firstEditAt: base.now - 3 * INTERVAL, everyoneLeft: false })).toBe(true);
	});
	it('cuts at once when the last person leaves after an edit', () => {
		expect(shouldCutVersion({ ...base, firstEditAt: base.now - 1, everyoneLeft: true })).toBe(true);
	});
	it('is due an interval after the first edit', () => {
		expect(versionDueAt(1000, INTERVAL)).toBe(1000 + INTERVAL);
	});
});

describe('versionsToPrune', () => {
	const now = at('2026-12-20', '12:00');
	const auto = (id: string, when: number, bytes = 10): VersionRef => ({ id, kind: 'auto', at: when, bytes });

	it('keeps every version of the last week', () => {
		const versions = [0, 1, 2, 3].map((i) => auto(`v${i}`, now - FINE_RETENTION_MS + i * INTERVAL));
		expect(versionsToPrune(versions, now)).toEqual([]);
	});

	it('keeps only the last automatic version of each older day', () => {
		const versions = [
			auto('a1', at('2026-12-01', '19:00')),
			auto('a2', at('2026-12-01', '19:10')),
			auto('a3', at('2026-12-01', '23:59')),
			auto('b1', at('2026-12-02', '00:01')),
			auto('b2', at('2026-12-02', '09:00'))
		];
		expect(versionsToPrune(versions, now).sort()).toEqual(['a1', 'a2', 'b1']);
	});

	it('uses the Dutch calendar day: 23:30 UTC on 1 December is already 2 December', () => {
		const versions = [auto('late', Date.parse('2026-12-01T23:30:00Z')), auto('morning', at('2026-12-02', '08:00'))];
		expect(versionsToPrune(versions, now)).toEqual(['late']);
	});

	it('never removes a named version, and a named one does not replace the day’s last automatic one', () => {
		const old = at('2026-12-01', '20:00');
		const versions: VersionRef[] = [
			auto('a1', old),
			{ id: 'named', kind: 'named', at: old + MIN, bytes: 10 },
			auto('a2', old + 2 * MIN),
			{ id: 'named-last', kind: 'named', at: old + 3 * MIN, bytes: 10 }
		];
		expect(versionsToPrune(versions, now)).toEqual(['a1']);
	});

	it('thins a day only once all of it is a week old; the newest of the day stays even if younger', () => {
		// The day's last version is within the week, the first is not: the first goes, as the day's end is kept.
		const edge = now - FINE_RETENTION_MS;
		const versions = [auto('old', edge - 10 * MIN), auto('young', edge + 10 * MIN)];
		const pruned = versionsToPrune(versions, now);
		expect(pruned).not.toContain('young');
		expect(pruned).toEqual(['old']);
	});

	it('an evening of versions a week and a day later becomes one', () => {
		const evening = at('2026-12-04', '19:00');
		const versions = Array.from({ length: 18 }, (_, i) => auto(`e${i}`, evening + i * INTERVAL));
		const later = evening + 8 * DAY;
		expect(versionsToPrune(versions, later)).toEqual(versions.slice(0, 17).map((v) => v.id));
	});

	describe('past the byte bound', () => {
		// Two evenings this week, ten versions of 100 bytes each, and an older named one.
		const monday = at('2026-12-14', '19:00');
		const thursday = at('2026-12-17', '19:00');
		const versions: VersionRef[] = [
			{ id: 'named', kind: 'named', at: at('2026-12-01', '12:00'), bytes: 300 },
			...Array.from({ length: 5 }, (_, i) => auto(`m${i}`, monday + i * INTERVAL, 100)),
			...Array.from({ length: 5 }, (_, i) => auto(`t${i}`, thursday + i * INTERVAL, 100))
		];

		it('removes nothing within the bound', () => {
			expect(versionsToPrune(versions, now, undefined, 1300)).toEqual([]);
		});

		it('thins the week to one a day from its oldest day, oldest first', () => {
			expect(versionsToPrune(versions, now, undefined, 1200)).toEqual(['m0']);
			expect(versionsToPrune(versions, now, undefined, 900)).toEqual(['m0', 'm1', 'm2', 'm3']);
			expect(versionsToPrune(versions, now, undefined, 600)).toEqual(['m0', 'm1', 'm2', 'm3', 't0', 't1', 't2']);
		});

		it('then drops whole days from the oldest, never a named version nor the newest automatic one', () => {
			expect(versionsToPrune(versions, now, undefined, 400)).toEqual([
				'm0',
				'm1',
				'm2',
				'm3',
				'm4',
				't0',
				't1',
				't2',
				't3'
			]);
			const pruned = versionsToPrune(versions, now, undefined, 0);
			expect(pruned).not.toContain('named');
			expect(pruned).not.toContain('t4');
			expect(pruned).toHaveLength(9);
		});
	});
});

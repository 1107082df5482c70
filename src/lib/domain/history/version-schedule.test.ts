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
	const auto = (id: string, when: number): VersionRef => ({ id, kind: 'auto', at: when });

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
			{ id: 'named', kind: 'named', at: old + MIN },
			auto('a2', old + 2 * MIN),
			{ id: 'named-last', kind: 'named', at: old + 3 * MIN }
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
});

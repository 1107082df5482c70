import { describe, expect, it } from 'vitest';
import { dayIn, isDay } from './calendar';

describe('dayIn', () => {
	it('uses the Dutch calendar day, not UTC', () => {
		// 23:30 UTC on 1 July is 01:30 on 2 July in Amsterdam (summer time, UTC+2).
		expect(dayIn(Date.UTC(2026, 6, 1, 23, 30))).toBe('2026-07-02');
		// 22:59 UTC on 1 December is 23:59 in Amsterdam (winter time, UTC+1): still the 1st.
		expect(dayIn(Date.UTC(2026, 11, 1, 22, 59))).toBe('2026-12-01');
		expect(dayIn(Date.UTC(2026, 11, 1, 23, 0))).toBe('2026-12-02');
	});

	it('follows the clock change at the end of March', () => {
		expect(dayIn(Date.UTC(2026, 2, 28, 22, 59))).toBe('2026-03-28');
		expect(dayIn(Date.UTC(2026, 2, 28, 23, 0))).toBe('2026-03-29');
		expect(dayIn(Date.UTC(2026, 2, 29, 21, 59))).toBe('2026-03-29');
		expect(dayIn(Date.UTC(2026, 2, 29, 22, 0))).toBe('2026-03-30');
	});

	it('accepts another time zone', () => {
		expect(dayIn(Date.UTC(2026, 0, 1, 3, 0), 'America/New_York')).toBe('2025-12-31');
	});
});

describe('isDay', () => {
	it.each(['2026-02-28', '2028-02-29', '2026-12-31'])('accepts %s', (d) => expect(isDay(d)).toBe(true));
	it.each(['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', '', '2026-01-01T00:00'])('rejects %s', (d) =>
		expect(isDay(d)).toBe(false)
	);
});

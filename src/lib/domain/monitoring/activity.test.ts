import { describe, expect, it } from 'vitest';
import { activeWithin, daysBetween, lastActivity, lastEditByUser } from './activity';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-03-15T12:00:00Z');

describe('activity', () => {
	it('takes each person’s last edit from the log and from compacted days', () => {
		const last = lastEditByUser({
			logged: [
				{ userId: 'ann', at: NOW - DAY },
				{ userId: 'bob', at: NOW - 40 * DAY }
			],
			days: [
				{ day: '2026-03-10', contributors: ['bob', 'cor'] },
				{ day: '2026-01-02', contributors: ['ann'] }
			]
		});
		expect(last).toEqual({
			ann: NOW - DAY,
			bob: Date.parse('2026-03-10T12:00:00Z'),
			cor: Date.parse('2026-03-10T12:00:00Z')
		});
		expect(lastActivity(last)).toBe(NOW - DAY);
		expect(activeWithin(last, NOW, 7)).toBe(3);
		expect(activeWithin(last, NOW, 2)).toBe(1);
		expect(activeWithin(last, NOW, 5)).toBe(3);
		expect(activeWithin(last, NOW, 4)).toBe(1);
	});

	it('knows nobody when nothing was edited', () => {
		expect(lastActivity(lastEditByUser({ logged: [], days: [] }))).toBeNull();
		expect(daysBetween(NOW - 3.5 * DAY, NOW)).toBe(3);
		expect(daysBetween(NOW + DAY, NOW)).toBe(0);
	});
});

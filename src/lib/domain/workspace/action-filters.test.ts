import { describe, expect, it } from 'vitest';
import type { ActionSnapshot } from './actions';
import { filterActions, isOverdue, todayIn } from './action-filters';

const action = (id: string, changes: Partial<ActionSnapshot>): ActionSnapshot => ({
	id,
	title: id,
	ownerId: null,
	due: null,
	status: 'open',
	note: '',
	position: 'V',
	createdAt: '2025-01-01T00:00:00.000Z',
	createdBy: 'u1',
	...changes
});

const LIST = [
	action('mine-open-late', { ownerId: 'me', due: '2025-03-09' }),
	action('mine-done-late', { ownerId: 'me', due: '2025-03-01', status: 'klaar' }),
	action('other-busy-today', { ownerId: 'you', due: '2025-03-10', status: 'bezig' }),
	action('nobody-late', { due: '2024-12-31', status: 'bezig' }),
	action('nobody-no-date', {})
];
const ids = (list: ActionSnapshot[]) => list.map((a) => a.id);

describe('todayIn', () => {
	it('gives the Dutch calendar day around midnight, in winter and in summer time', () => {
		expect(todayIn('Europe/Amsterdam', new Date('2025-01-15T22:59:59Z'))).toBe('2025-01-15');
		expect(todayIn('Europe/Amsterdam', new Date('2025-01-15T23:00:00Z'))).toBe('2025-01-16');
		expect(todayIn('Europe/Amsterdam', new Date('2025-06-30T21:59:59Z'))).toBe('2025-06-30');
		expect(todayIn('Europe/Amsterdam', new Date('2025-06-30T22:00:00Z'))).toBe('2025-07-01');
		expect(todayIn('UTC', new Date('2025-06-30T22:00:00Z'))).toBe('2025-06-30');
	});
});

describe('filterActions', () => {
	it('filters mine, open and overdue, alone and combined', () => {
		const today = '2025-03-10';
		expect(ids(filterActions(LIST, {}))).toEqual(ids(LIST));
		expect(ids(filterActions(LIST, { mine: 'me' }))).toEqual(['mine-open-late', 'mine-done-late']);
		expect(ids(filterActions(LIST, { open: true }))).toEqual([
			'mine-open-late',
			'other-busy-today',
			'nobody-late',
			'nobody-no-date'
		]);
		expect(ids(filterActions(LIST, { overdueOn: today }))).toEqual(['mine-open-late', 'nobody-late']);
		expect(ids(filterActions(LIST, { mine: 'me', overdueOn: today }))).toEqual(['mine-open-late']);
	});

	it('does not call an action due today, or a finished one, overdue', () => {
		expect(isOverdue(action('x', { due: '2025-03-10' }), '2025-03-10')).toBe(false);
		expect(isOverdue(action('x', { due: '2025-03-09' }), '2025-03-10')).toBe(true);
		expect(isOverdue(action('x', { due: '2025-03-09', status: 'klaar' }), '2025-03-10')).toBe(false);
	});
});

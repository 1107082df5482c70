import { describe, expect, it } from 'vitest';
import { clientPresence, PresenceBoard, type PresenceEntry } from './presence';

const entry = (userId: string, more: Partial<PresenceEntry> = {}): PresenceEntry => ({
	userId,
	name: userId.toUpperCase(),
	canWrite: true,
	section: null,
	typing: false,
	...more
});

describe('clientPresence', () => {
	it('keeps a well-formed section and typing flag', () => {
		expect(clientPresence({ section: 'actielijst', typing: true, user: { name: 'x' } })).toEqual({
			section: 'actielijst',
			typing: true
		});
	});

	it.each([null, undefined, 42, 'x', { section: '<script>' }, { section: 'a'.repeat(41) }, { typing: 'yes' }])(
		'treats %j as nothing said',
		(state) => {
			expect(clientPresence(state)).toEqual({ section: null, typing: false });
		}
	);
});

describe('PresenceBoard', () => {
	it('lists people once, merging their connections, sorted by name', () => {
		const board = new PresenceBoard();
		const [c1, c2, c3] = [{}, {}, {}];
		board.set('d', c1, entry('bob', { section: 'actielijst' }));
		board.set('d', c2, entry('ann', { canWrite: false }));
		board.set('d', c3, entry('bob', { typing: true }));
		expect(board.list('d')).toEqual([
			entry('ann', { canWrite: false }),
			entry('bob', { section: 'actielijst', typing: true })
		]);
		board.set('d', c1, null);
		expect(board.list('d').map((e) => [e.userId, e.section])).toEqual([
			['ann', null],
			['bob', null]
		]);
		expect(board.list('other')).toEqual([]);
	});

	it('tells listeners which Doetank changed', () => {
		const board = new PresenceBoard();
		const changed: string[] = [];
		const stop = board.onChange((d) => changed.push(d));
		const c = {};
		board.set('d1', c, entry('ann'));
		board.set('d1', c, null);
		stop();
		board.set('d2', c, entry('ann'));
		expect(changed).toEqual(['d1', 'd1']);
	});
});

import { describe, expect, it } from 'vitest';
import { dropIndex, fullIndex } from './reorder';

describe('dropIndex', () => {
	const mids = [10, 30, 50, 70];
	it.each([
		[0, 35, 1],
		[0, 5, 0],
		[0, 100, 3],
		[3, 5, 0],
		[3, 45, 2],
		[2, 50, 2],
		[1, 31, 1]
	])('item %i dropped at y=%i lands at %i', (from, y, to) => {
		expect(dropIndex(y, mids, from)).toBe(to);
	});

	it('is the current index while the pointer stays between its neighbours', () => {
		for (const y of [31, 40, 49]) expect(dropIndex(y, mids, 2)).toBe(2);
	});
});

describe('fullIndex', () => {
	const full = ['a', 'b', 'c', 'd', 'e'];

	it('is the visible index when nothing is hidden', () => {
		for (let to = 0; to < full.length; to++) expect(fullIndex(full, full, 'c', to)).toBe(to);
	});

	it('lands just before the visible action it takes the place of', () => {
		// Visible: a, c, e. Moving e to the top of the visible list puts it before a.
		expect(fullIndex(full, ['a', 'c', 'e'], 'e', 0)).toBe(0);
		// Moving a one down (past c) puts it just before e, after the hidden d.
		expect(fullIndex(full, ['a', 'c', 'e'], 'a', 1)).toBe(3);
	});

	it('lands just after the last visible action when moved to the end', () => {
		expect(fullIndex(full, ['a', 'c'], 'a', 1)).toBe(2);
		expect(fullIndex(full, ['b', 'c', 'd'], 'b', 2)).toBe(3);
	});

	it('keeps the place of an action that is the only one visible', () => {
		expect(fullIndex(full, ['d'], 'd', 0)).toBe(3);
	});

	it('gives the order the visible list asked for', () => {
		const visible = ['b', 'd', 'e'];
		for (const id of visible) {
			for (let to = 0; to < visible.length; to++) {
				const index = fullIndex(full, visible, id, to);
				const result = full.filter((x) => x !== id);
				result.splice(index, 0, id);
				const expected = visible.filter((x) => x !== id);
				expected.splice(to, 0, id);
				expect(result.filter((x) => visible.includes(x))).toEqual(expected);
			}
		}
	});
});

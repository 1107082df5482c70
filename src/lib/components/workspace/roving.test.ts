import { describe, expect, it } from 'vitest';
import { rovingIndex } from './roving';

describe('rovingIndex', () => {
	it.each([
		['ArrowRight', 0, 1],
		['ArrowRight', 2, 0],
		['ArrowLeft', 0, 2],
		['ArrowLeft', 2, 1],
		['Home', 2, 0],
		['End', 0, 2]
	])('%s from %i of 3 → %i', (key, from, to) => {
		expect(rovingIndex(key, from, 3)).toBe(to);
	});

	it('leaves other keys alone', () => {
		expect(rovingIndex('Enter', 1, 3)).toBeUndefined();
		expect(rovingIndex('ArrowDown', 1, 3)).toBeUndefined();
	});
});

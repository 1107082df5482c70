import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPosition, positionBetween } from './position';

const position = fc.stringMatching(/^[0-9A-Za-z]{0,6}[1-9A-Za-z]$/);

describe('positionBetween', () => {
	it('starts an empty list with a valid position', () => {
		expect(isPosition(positionBetween(null, null))).toBe(true);
	});

	it('returns a valid position strictly between any two positions, or before / after one', () => {
		fc.assert(
			fc.property(position, position, fc.double({ min: 0, max: 0.999, noNaN: true }), (a, b, r) => {
				fc.pre(a !== b);
				const [lo, hi] = a < b ? [a, b] : [b, a];
				const random = () => r;
				for (const [low, high] of [
					[lo, hi],
					[null, lo],
					[hi, null]
				] as const) {
					const key = positionBetween(low, high, random);
					expect(isPosition(key)).toBe(true);
					if (low !== null) expect(key > low).toBe(true);
					if (high !== null) expect(key < high).toBe(true);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('gives different positions to concurrent inserts at the same place (jitter)', () => {
		const keys = new Set(Array.from({ length: 50 }, () => positionBetween('A', 'B')));
		expect(keys.size).toBeGreaterThan(45);
	});

	it('is deterministic for a fixed random source, which is why ties are still handled', () => {
		expect(positionBetween('A', 'B', () => 0)).toBe(positionBetween('A', 'B', () => 0));
	});

	it('keeps positions short when appending: 500 appends stay under 40 characters', () => {
		let last: string | null = null;
		for (let i = 0; i < 500; i++) last = positionBetween(last, null);
		expect(last?.length).toBeLessThan(40);
	});

	it('keeps inserting into a shrinking gap', () => {
		let hi = positionBetween(null, null);
		const lo = positionBetween(null, hi);
		for (let i = 0; i < 200; i++) {
			const key = positionBetween(lo, hi);
			expect(key > lo && key < hi).toBe(true);
			hi = key;
		}
	});

	it('refuses an empty gap and malformed positions', () => {
		expect(() => positionBetween('B', 'B')).toThrow(RangeError);
		expect(() => positionBetween('C', 'B')).toThrow(RangeError);
		expect(() => positionBetween('A0', null)).toThrow(RangeError);
		expect(() => positionBetween(null, 'a b')).toThrow(RangeError);
		expect(isPosition('')).toBe(false);
		expect(isPosition(3)).toBe(false);
	});
});

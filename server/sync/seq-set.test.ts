import { describe, expect, it } from 'vitest';
import { SeqSet } from './seq-set';

describe('SeqSet', () => {
	it('moves the watermark over contiguous numbers and keeps those after a gap apart', () => {
		const set = new SeqSet(3);
		expect(set.add(3)).toBe(false);
		expect(set.add(5)).toBe(true);
		expect(set.watermark).toBe(3);
		expect(set.hasGap).toBe(true);
		expect(set.add(5)).toBe(false);
		expect(set.add(4)).toBe(true);
		expect(set.watermark).toBe(5);
		expect(set.hasGap).toBe(false);
	});

	it('addThrough closes every gap up to the number read', () => {
		const set = new SeqSet(0);
		set.add(2);
		set.add(7);
		set.addThrough(5);
		expect(set.watermark).toBe(5);
		expect(set.has(6)).toBe(false);
		set.add(6);
		expect(set.watermark).toBe(7);
		expect(set.hasGap).toBe(false);
	});
});

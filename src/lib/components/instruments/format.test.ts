import { describe, expect, it } from 'vitest';
import { formatChange, formatDay, formatNumber } from './format';

describe('format', () => {
	it('writes figures with a decimal comma in Dutch and a point in English', () => {
		expect(formatNumber('nl', 27 / 7)).toBe('3,86');
		expect(formatNumber('en', 27 / 7)).toBe('3.86');
		expect(formatNumber('nl', 4.1, 1)).toBe('4,1');
		expect(formatNumber('nl', null)).toBe('–');
	});
	it('signs changes', () => {
		expect(formatChange('nl', 0.5)).toBe('+0,50');
		expect(formatChange('en', -0.25)).toBe('-0.25');
		expect(formatChange('nl', 0)).toBe('0,00');
	});
	it('writes a calendar day as a date', () => {
		expect(formatDay('nl', '2026-03-31')).toBe('31 maart 2026');
		expect(formatDay('en', '2026-03-31')).toBe('31 March 2026');
	});
});

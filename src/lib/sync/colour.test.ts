import { describe, expect, it } from 'vitest';
import { initials, PALETTE, userColour } from './colour';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
	const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
		number,
		number,
		number
	];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};

describe('presence colours', () => {
	it.each(PALETTE)('%s carries white text (contrast at least 4.5:1)', (colour) => {
		expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
	});

	it('has no colour twice', () => {
		expect(new Set(PALETTE).size).toBe(PALETTE.length);
	});

	it('gives a user the same colour every time and spreads users over the palette', () => {
		expect(userColour('demo-trekker')).toBe(userColour('demo-trekker'));
		const used = new Set(Array.from({ length: 200 }, (_, i) => userColour(`user-${i}`)));
		expect(used.size).toBe(PALETTE.length);
	});
});

describe('initials', () => {
	it.each([
		['Tineke Trekker', 'TT'],
		['Bea', 'B'],
		['  anne  de   vries ', 'AV'],
		['', '?']
	])('%j → %s', (name, expected) => {
		expect(initials(name)).toBe(expected);
	});
});

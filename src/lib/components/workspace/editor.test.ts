import { describe, expect, it } from 'vitest';
import { normaliseHref } from './editor';

describe('normaliseHref', () => {
	it.each([
		['voorbeeld.nl', 'https://voorbeeld.nl/'],
		['  https://www.slimmernetwerk.nl/doetanks ', 'https://www.slimmernetwerk.nl/doetanks'],
		['http://gemeente.nl/a?b=c', 'http://gemeente.nl/a?b=c'],
		['mailto:trekker@gemeente.nl', 'mailto:trekker@gemeente.nl']
	])('%j → %s', (input, expected) => {
		expect(normaliseHref(input)).toBe(expected);
	});

	it.each(['', '   ', 'javascript:alert(1)', 'data:text/html,hoi', 'verslag', 'https://', 'ftp://bestand.nl/x'])(
		'refuses %j',
		(input) => {
			expect(normaliseHref(input)).toBeNull();
		}
	);
});

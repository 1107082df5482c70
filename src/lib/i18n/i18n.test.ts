import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { resolveLocale, translate } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
	it('has the same keys in Dutch and English', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
	});
	it.each(Object.keys(nl) as (keyof typeof nl)[])('%s uses the same placeholders in both languages', (key) => {
		expect(placeholders(en[key])).toEqual(placeholders(nl[key]));
		expect(en[key].trim()).not.toBe('');
	});
	it('fills placeholders and leaves unknown ones visible', () => {
		expect(translate('nl', 'validation.tooLong', { max: 80 })).toBe('Gebruik hoogstens 80 tekens.');
		expect(translate('en', 'validation.tooLong')).toBe('Use at most {max} characters.');
	});
});

describe('resolveLocale', () => {
	it.each([
		['en', 'nl-NL', 'en'],
		['nl', 'en-US', 'nl'],
		[undefined, 'en-GB,en;q=0.9', 'en'],
		[undefined, 'de-DE,nl;q=0.8', 'nl'],
		[undefined, 'fr-FR', 'nl'],
		[undefined, null, 'nl'],
		['xx', 'en', 'en']
	] as const)('cookie %s, Accept-Language %s → %s', (cookie, header, expected) => {
		expect(resolveLocale(cookie, header)).toBe(expected);
	});
});

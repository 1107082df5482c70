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

describe('counted texts (issue 16)', () => {
	it.each([
		[
			'questionnaire.hidden',
			{ count: 1, min: 3 },
			'Nog verborgen: 1 reactie, minimaal 3 nodig om resultaten te tonen.'
		],
		['questionnaire.responseCount', { count: 0, doetanks: 1 }, '0 reacties uit 1 Doetank'],
		['questionnaire.responseCount', { count: 1, doetanks: 2 }, '1 reactie uit 2 Doetanks'],
		['cafe.res.responses', { responses: 1, attendees: 1 }, '1 evaluatie van 1 deelnemer'],
		['cafe.res.gradeN', { count: 1 }, '1 cijfer'],
		['doetanks.members', { count: 1 }, '1 lid'],
		['phasePage.closed', { count: 3 }, 'De poort is nog dicht: 3 voorwaarden ontbreken.']
	] as const)('%s with %o reads “%s”', (key, params, expected) => {
		expect(translate('nl', key, params)).toBe(expected);
	});
	it('does not repeat the status before the planned day ("Gepland gepland op")', () => {
		const shown = `${translate('nl', 'checkpointStatus.gepland')} ${translate('nl', 'checkpoint.plannedOn', { day: '15 december 2026' })}`;
		expect(shown.toLowerCase()).not.toMatch(/gepland gepland/);
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

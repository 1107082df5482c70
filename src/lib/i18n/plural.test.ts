import { describe, expect, it } from 'vitest';
import { selectPlurals } from './plural';

const LINES = '{count, plural, one {# regel} other {# regels}} toegevoegd';

describe('selectPlurals', () => {
	it('chooses the Dutch and English forms by the number', () => {
		expect(selectPlurals('nl', LINES, { count: 1 })).toBe('1 regel toegevoegd');
		expect(selectPlurals('nl', LINES, { count: 0 })).toBe('0 regels toegevoegd');
		expect(selectPlurals('nl', LINES, { count: 2 })).toBe('2 regels toegevoegd');
		expect(selectPlurals('en', '{n, plural, one {# line} other {# lines}}', { n: 1 })).toBe('1 line');
		expect(selectPlurals('en', '{n, plural, one {# line} other {# lines}}', { n: 3 })).toBe('3 lines');
	});

	it('prefers an exact form and formats the number in the language', () => {
		const text = '{n, plural, =0 {geen reacties} one {# reactie} other {# reacties}}';
		expect(selectPlurals('nl', text, { n: 0 })).toBe('geen reacties');
		expect(selectPlurals('nl', text, { n: 1200 })).toBe('1.200 reacties');
		expect(selectPlurals('en', text, { n: 1200 })).toBe('1,200 reacties');
	});

	it('handles several blocks in one message and leaves a block without its number as written', () => {
		const text = '{a, plural, one {# erbij} other {# erbij}}, {r, plural, one {# weg} other {# weg}}';
		expect(selectPlurals('nl', text, { a: 2, r: 1 })).toBe('2 erbij, 1 weg');
		expect(selectPlurals('nl', LINES, {})).toBe(LINES);
		expect(selectPlurals('nl', 'geen meervoud {count}', { count: 2 })).toBe('geen meervoud {count}');
	});
});

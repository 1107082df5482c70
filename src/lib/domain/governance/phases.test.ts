import { describe, expect, it } from 'vitest';
import { PHASES } from '../roles';
import { isTransition, missingFields, requiredFields, TRANSITIONS } from './phases';

describe('phase model', () => {
	it('writes out every allowed move', () => {
		const moves = PHASES.flatMap((from) => PHASES.filter((to) => isTransition(from, to)).map((to) => `${from}→${to}`));
		expect(moves).toEqual([
			'fase_0→fase_1',
			'fase_0→gestopt',
			'fase_1→fase_2',
			'fase_1→afgerond',
			'fase_1→gestopt',
			'fase_2→afgerond',
			'fase_2→gestopt'
		]);
	});
	it('has final phases and never stays in place', () => {
		expect(TRANSITIONS.afgerond).toEqual([]);
		expect(TRANSITIONS.gestopt).toEqual([]);
		for (const p of PHASES) expect(isTransition(p, p)).toBe(false);
	});
});

describe('what the person moving the Doetank must write', () => {
	it.each([
		['gestopt', false, ['reasonCategory', 'explanation']],
		['afgerond', false, ['resultSummary']],
		['fase_1', false, []],
		['fase_2', true, ['justification']],
		['gestopt', true, ['reasonCategory', 'explanation', 'justification']]
	] as const)('→ %s, override %s: %j', (to, override, fields) => {
		expect(requiredFields(to, override)).toEqual(fields);
	});

	it('counts blank text as missing', () => {
		expect(missingFields('gestopt', { reasonCategory: 'anders', explanation: '  \n ' })).toEqual(['explanation']);
		expect(missingFields('gestopt', { reasonCategory: null, explanation: 'Geen tijd meer' })).toEqual([
			'reasonCategory'
		]);
		expect(missingFields('gestopt', { reasonCategory: 'onvoldoende_tijd', explanation: 'Geen tijd meer' })).toEqual([]);
		expect(missingFields('afgerond', {})).toEqual(['resultSummary']);
		expect(missingFields('fase_1', { override: true, justification: '' })).toEqual(['justification']);
		expect(missingFields('fase_1', { override: false })).toEqual([]);
	});
});

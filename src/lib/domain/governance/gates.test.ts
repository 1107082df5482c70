import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { PHASES, type DoetankRole, type Phase } from '../roles';
import { decideTransition, evaluateGate, type GateFacts } from './gates';
import { TRANSITIONS } from './phases';

/** A Doetank that meets every condition of every gate. */
const READY: GateFacts = {
	roles: ['trekker', 'lid', 'opdrachtgever'],
	agreement: {
		version: 2,
		confirmed: { version: 2, besluitvormer: 'Directeur Sociaal Domein', opdrachtgeverDecides: false }
	},
	approved: ['probleemdefinitie', 'businessCase:doetank']
};
const NOTHING: GateFacts = { roles: ['trekker'], agreement: { version: 0, confirmed: null }, approved: [] };

const with_ = (patch: Partial<GateFacts>): GateFacts => ({ ...READY, ...patch });
const missingKeys = (from: Phase, to: Phase, facts: GateFacts) =>
	evaluateGate(from, to, facts).missing.map((c) => c.key);
const explanation = (from: Phase, to: Phase, facts: GateFacts, key: string) => {
	const c = evaluateGate(from, to, facts).conditions.find((x) => x.key === key)!;
	return translate('nl', c.explanation.key, c.explanation.params);
};

describe('gate fase 0 → fase 1', () => {
	it('is open when every condition is met, and lists the four conditions in order', () => {
		const report = evaluateGate('fase_0', 'fase_1', READY);
		expect(report.open).toBe(true);
		expect(report.conditions.map((c) => [c.key, c.met])).toEqual([
			['opdrachtgever', true],
			['besluitvormer', true],
			['agreement', true],
			['probleemdefinitie', true]
		]);
		expect(report.missing).toEqual([]);
	});

	it('lists every condition as missing for a fresh Doetank', () => {
		expect(missingKeys('fase_0', 'fase_1', NOTHING)).toEqual([
			'opdrachtgever',
			'besluitvormer',
			'agreement',
			'probleemdefinitie'
		]);
	});

	describe('an opdrachtgever is a member', () => {
		it.each<[DoetankRole[], boolean]>([
			[['trekker', 'opdrachtgever'], true],
			[['trekker', 'besluitvormer', 'meekijker', 'coach'], false],
			[[], false]
		])('roles %j → met %s', (roles, met) => {
			expect(missingKeys('fase_0', 'fase_1', with_({ roles })).includes('opdrachtgever')).toBe(!met);
		});
		it('explains what to do when missing', () => {
			expect(explanation('fase_0', 'fase_1', NOTHING, 'opdrachtgever')).toContain('Voeg de opdrachtgever toe');
		});
	});

	describe('a besluitvormer is named', () => {
		const agreement = (besluitvormer: string, opdrachtgeverDecides: boolean) => ({
			version: 3,
			confirmed: { version: 3, besluitvormer, opdrachtgeverDecides }
		});
		it('is met by a member with the besluitvormer role, even without an agreement', () => {
			const facts = with_({ roles: ['trekker', 'besluitvormer'], agreement: { version: 0, confirmed: null } });
			expect(missingKeys('fase_0', 'fase_1', facts)).not.toContain('besluitvormer');
			expect(explanation('fase_0', 'fase_1', facts, 'besluitvormer')).toBe('De besluitvormer is lid van de Doetank.');
		});
		it('is met by a name in the confirmed agreement, which the explanation repeats', () => {
			const facts = with_({ agreement: agreement('  Wethouder Jansen ', false) });
			expect(missingKeys('fase_0', 'fase_1', facts)).toEqual([]);
			expect(explanation('fase_0', 'fase_1', facts, 'besluitvormer')).toBe(
				'De bevestigde afspraak noemt de besluitvormer: Wethouder Jansen.'
			);
		});
		it('is met when the opdrachtgever confirmed deciding themself', () => {
			const facts = with_({ agreement: agreement('', true) });
			expect(missingKeys('fase_0', 'fase_1', facts)).toEqual([]);
			expect(explanation('fase_0', 'fase_1', facts, 'besluitvormer')).toContain('zelf de besluitvormer');
		});
		it('is not met by a blank name, nor by a name only in an unconfirmed agreement', () => {
			expect(missingKeys('fase_0', 'fase_1', with_({ agreement: agreement('   ', false) }))).toEqual(['besluitvormer']);
			const unconfirmed = with_({ agreement: { version: 1, confirmed: null } });
			expect(missingKeys('fase_0', 'fase_1', unconfirmed)).toEqual(['besluitvormer', 'agreement']);
			expect(explanation('fase_0', 'fase_1', unconfirmed, 'besluitvormer')).toContain('Noem de besluitvormer');
		});
		it('keeps counting the last confirmed version while a later edit waits for confirmation', () => {
			const facts = with_({
				agreement: { version: 4, confirmed: { version: 3, besluitvormer: 'Directeur', opdrachtgeverDecides: false } }
			});
			expect(missingKeys('fase_0', 'fase_1', facts)).toEqual(['agreement']);
		});
	});

	describe('the agreement is confirmed', () => {
		it.each([
			[
				0,
				null,
				false,
				'Er is nog geen opdrachtgeversafspraak. Leg randvoorwaarden, spelregels en terugkoppelmomenten vast.'
			],
			[1, null, false, 'Versie 1 van de afspraak wacht op bevestiging door de opdrachtgever.'],
			[
				5,
				3,
				false,
				'De afspraak is gewijzigd na de bevestiging van versie 3; de opdrachtgever moet versie 5 opnieuw bevestigen.'
			],
			[5, 5, true, 'Versie 5 is bevestigd door de opdrachtgever.']
		] as const)('version %i, confirmed %s → met %s', (version, confirmedVersion, met, text) => {
			const confirmed =
				confirmedVersion === null
					? null
					: { version: confirmedVersion, besluitvormer: 'B', opdrachtgeverDecides: false };
			const facts = with_({ roles: ['opdrachtgever', 'besluitvormer'], agreement: { version, confirmed } });
			expect(missingKeys('fase_0', 'fase_1', facts).includes('agreement')).toBe(!met);
			expect(explanation('fase_0', 'fase_1', facts, 'agreement')).toBe(text);
		});
	});

	describe('a terugkoppelmoment about the probleemdefinitie is approved', () => {
		it.each([
			[['probleemdefinitie'], true],
			[['actielijst', 'probleemdefinitie'], true],
			[['businessCase:doetank', 'actielijst'], false],
			[[], false]
		] as const)('approved subjects %j → met %s', (approved, met) => {
			expect(missingKeys('fase_0', 'fase_1', with_({ approved })).includes('probleemdefinitie')).toBe(!met);
		});
		it('explains the way to get there', () => {
			expect(explanation('fase_0', 'fase_1', NOTHING, 'probleemdefinitie')).toContain('Dien de probleemdefinitie in');
			expect(explanation('fase_0', 'fase_1', READY, 'probleemdefinitie')).toContain('goedgekeurd');
		});
	});
});

describe('gate fase 1 → fase 2', () => {
	it.each([
		[['businessCase:doetank'], true],
		[['businessCase:pilot:abc123'], true],
		[['probleemdefinitie', 'actielijst'], false],
		[[], false]
	] as const)('approved subjects %j → open %s', (approved, open) => {
		const report = evaluateGate('fase_1', 'fase_2', { ...NOTHING, approved });
		expect(report.open).toBe(open);
		expect(report.conditions.map((c) => c.key)).toEqual(['businessCase']);
	});
	it('does not look at the fase 1 conditions again', () => {
		expect(evaluateGate('fase_1', 'fase_2', { ...NOTHING, approved: ['businessCase:doetank'] }).open).toBe(true);
	});
	it('explains both states', () => {
		expect(explanation('fase_1', 'fase_2', NOTHING, 'businessCase')).toContain('Dien een business case');
		expect(explanation('fase_1', 'fase_2', READY, 'businessCase')).toContain('heeft een business case goedgekeurd');
	});
});

describe('moves without a gate', () => {
	it.each([
		['fase_0', 'gestopt'],
		['fase_1', 'gestopt'],
		['fase_2', 'gestopt'],
		['fase_1', 'afgerond'],
		['fase_2', 'afgerond']
	] as const)('%s → %s has no conditions', (from, to) => {
		expect(evaluateGate(from, to, NOTHING)).toMatchObject({ open: true, conditions: [], missing: [] });
	});
});

describe('decideTransition', () => {
	it('refuses a move that is not in the phase model, even with an override', () => {
		for (const from of PHASES) {
			for (const to of PHASES) {
				if (TRANSITIONS[from].includes(to)) continue;
				expect(decideTransition(from, to, READY, true)).toEqual({ allowed: false, reason: 'not_a_transition' });
			}
		}
	});
	it('allows a move with an open gate, without an override', () => {
		expect(decideTransition('fase_0', 'fase_1', READY)).toMatchObject({ allowed: true, overridden: false });
		expect(decideTransition('fase_0', 'fase_1', READY, true)).toMatchObject({ allowed: true, overridden: false });
	});
	it('refuses a closed gate with the missing conditions', () => {
		const decision = decideTransition('fase_0', 'fase_1', with_({ approved: [] }));
		expect(decision.allowed).toBe(false);
		if (decision.allowed || decision.reason !== 'gate_closed') throw new Error('expected a closed gate');
		expect(decision.report.missing.map((c) => c.key)).toEqual(['probleemdefinitie']);
	});
	it('lets an override pass a closed gate and says so', () => {
		const decision = decideTransition('fase_1', 'fase_2', NOTHING, true);
		expect(decision).toMatchObject({ allowed: true, overridden: true });
		if (decision.allowed) expect(decision.report.missing.map((c) => c.key)).toEqual(['businessCase']);
	});
});

describe('every explanation text exists in both languages', () => {
	const variants: GateFacts[] = [
		READY,
		NOTHING,
		with_({ roles: ['besluitvormer'] }),
		with_({ agreement: { version: 2, confirmed: { version: 1, besluitvormer: '', opdrachtgeverDecides: true } } }),
		with_({ agreement: { version: 1, confirmed: null } })
	];
	it('fills every placeholder', () => {
		for (const facts of variants) {
			for (const [from, to] of [
				['fase_0', 'fase_1'],
				['fase_1', 'fase_2']
			] as const) {
				for (const c of evaluateGate(from, to, facts).conditions) {
					for (const locale of ['nl', 'en'] as const) {
						expect(translate(locale, c.label)).not.toMatch(/[{}]/);
						expect(translate(locale, c.explanation.key, c.explanation.params)).not.toMatch(/[{}]/);
					}
				}
			}
		}
	});
});

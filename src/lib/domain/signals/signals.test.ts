import { describe, expect, it } from 'vitest';
import { translate } from '$lib/i18n';
import {
	DEFAULT_SIGNAL_SETTINGS,
	SIGNAL_KEYS,
	evaluateSignals,
	monthsBetween,
	type SignalInput,
	type SignalKey
} from './signals';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 2, 15, 12);
const kern = (userId: string, extra: Partial<SignalInput['members'][number]> = {}) => ({
	userId,
	roles: ['lid'] as const,
	lidType: 'kern' as const,
	directStake: false,
	...extra
});

/** A Doetank where nothing is wrong: every rule below breaks exactly one thing. */
function healthy(changes: Partial<SignalInput> = {}): SignalInput {
	return {
		phase: 'fase_1',
		phaseSince: NOW - 30 * DAY,
		createdAt: NOW - 90 * DAY,
		members: [
			kern('ann', { roles: ['trekker', 'lid'], directStake: true }),
			kern('bob'),
			kern('cor'),
			{ userId: 'ops', roles: ['opdrachtgever'], lidType: null, directStake: false }
		],
		lastEditByUser: { ann: NOW - DAY, bob: NOW - 2 * DAY, cor: NOW - 29 * DAY },
		lastActivityAt: NOW - DAY,
		agreement: { confirmed: true, opdrachtgeverDelegated: false, besluitvormerNamed: false },
		probleemdefinitie: { empty: false, approved: true },
		actions: [
			{ status: 'open', due: '2026-03-15' },
			{ status: 'klaar', due: '2026-01-01' }
		],
		checkpoints: [
			{ day: '2026-03-01', done: true },
			{ day: '2026-04-01', done: false }
		],
		today: '2026-03-15',
		now: NOW,
		...changes
	};
}

const keys = (input: SignalInput, settings = DEFAULT_SIGNAL_SETTINGS) =>
	evaluateSignals(input, settings).map((s) => s.key);
const only = (input: SignalInput, key: SignalKey) => {
	const signals = evaluateSignals(input);
	expect(signals.map((s) => s.key)).toEqual([key]);
	return signals[0]!;
};
const explain = (input: SignalInput, key: SignalKey) => {
	const signal = only(input, key);
	return translate('nl', signal.message, signal.params);
};

describe('risk signals', () => {
	it('stay silent for a healthy Doetank', () => {
		expect(keys(healthy())).toEqual([]);
	});

	it('never fire for a Doetank that is afgerond or gestopt', () => {
		const bad = healthy({
			members: [],
			lastActivityAt: null,
			agreement: { confirmed: false, opdrachtgeverDelegated: true, besluitvormerNamed: false }
		});
		expect(keys({ ...bad, phase: 'afgerond' })).toEqual([]);
		expect(keys({ ...bad, phase: 'gestopt' })).toEqual([]);
		expect(keys(bad).length).toBeGreaterThan(3);
	});

	it('noOpdrachtgever: fires without an opdrachtgever member', () => {
		const members = healthy().members.filter((m) => !m.roles.includes('opdrachtgever'));
		expect(explain(healthy({ members }), 'noOpdrachtgever')).toBe('Er is geen opdrachtgever in de Doetank.');
	});

	it('delegatedWithoutBesluitvormer: fires for a delegated opdrachtgever until a besluitvormer is named or a member', () => {
		const agreement = { confirmed: true, opdrachtgeverDelegated: true, besluitvormerNamed: false };
		expect(explain(healthy({ agreement }), 'delegatedWithoutBesluitvormer')).toBe(
			'De opdrachtgever is gedelegeerd en er is geen besluitvormer genoemd.'
		);
		expect(keys(healthy({ agreement: { ...agreement, besluitvormerNamed: true } }))).toEqual([]);
		const members = [
			...healthy().members,
			{ userId: 'dir', roles: ['besluitvormer'] as const, lidType: null, directStake: false }
		];
		expect(keys(healthy({ agreement, members }))).toEqual([]);
	});

	it('noConfirmedAgreement: fires for an unconfirmed agreement, not where agreements are not tracked', () => {
		const agreement = { confirmed: false, opdrachtgeverDelegated: false, besluitvormerNamed: false };
		expect(explain(healthy({ agreement }), 'noConfirmedAgreement')).toContain('niet bevestigd');
		expect(keys(healthy({ agreement: null }))).toEqual([]);
	});

	it('probleemdefinitieOpen: fires in fase 0 after N weeks when empty or not approved', () => {
		const fase0 = { phase: 'fase_0' as const, phaseSince: NOW - 6 * 7 * DAY };
		expect(
			explain(healthy({ ...fase0, probleemdefinitie: { empty: true, approved: null } }), 'probleemdefinitieOpen')
		).toBe('Na 6 weken in fase 0 is de probleemdefinitie nog leeg.');
		expect(
			explain(healthy({ ...fase0, probleemdefinitie: { empty: false, approved: false } }), 'probleemdefinitieOpen')
		).toBe('Na 6 weken in fase 0 is de probleemdefinitie nog niet goedgekeurd.');
		expect(keys(healthy({ ...fase0, probleemdefinitie: { empty: false, approved: null } }))).toEqual([]);
		expect(
			keys(
				healthy({ ...fase0, phaseSince: NOW - 6 * 7 * DAY + 1, probleemdefinitie: { empty: true, approved: false } })
			)
		).toEqual([]);
		expect(keys(healthy({ probleemdefinitie: { empty: true, approved: false } }))).toEqual([]);
		expect(
			keys(healthy({ ...fase0, probleemdefinitie: { empty: true, approved: false } }), {
				...DEFAULT_SIGNAL_SETTINGS,
				probleemdefinitieWeeks: 7
			})
		).toEqual([]);
	});

	it('inactive: fires after N days without edits, counting from the start when nobody ever edited', () => {
		expect(explain(healthy({ lastActivityAt: NOW - 21 * DAY }), 'inactive')).toBe(
			'Al 21 dagen geen wijziging in de werkruimte.'
		);
		expect(keys(healthy({ lastActivityAt: NOW - 20 * DAY }))).toEqual([]);
		const fresh = healthy({ lastActivityAt: null, lastEditByUser: {}, createdAt: NOW - 10 * DAY });
		expect(keys(fresh)).toEqual([]);
		const quiet = { ...fresh, createdAt: NOW - 40 * DAY };
		expect(translate('nl', evaluateSignals(quiet)[0]!.message, evaluateSignals(quiet)[0]!.params)).toBe(
			'Nog nooit een wijziging in de werkruimte, 40 dagen na de start.'
		);
	});

	it('fewActiveCore: counts kern members with an edit in the window, once the Doetank is as old as the window', () => {
		const lastEditByUser = { ann: NOW - DAY, bob: NOW - 2 * DAY, cor: NOW - 31 * DAY, ops: NOW };
		expect(explain(healthy({ lastEditByUser }), 'fewActiveCore')).toBe(
			'2 kernleden actief in de laatste 30 dagen; minimaal 3 nodig.'
		);
		const schil = healthy().members.map((m) => (m.userId === 'cor' ? { ...m, lidType: 'schil' as const } : m));
		expect(keys(healthy({ members: schil }))).toEqual(['fewActiveCore']);
		expect(keys(healthy({ lastEditByUser }), { ...DEFAULT_SIGNAL_SETTINGS, minActiveCore: 2 })).toEqual([]);
		// Not before the Doetank is as old as the window.
		expect(keys(healthy({ lastEditByUser, createdAt: NOW - 29 * DAY }))).toEqual([]);
	});

	it('noDirectStake: fires when no member has a direct stake', () => {
		const members = healthy().members.map((m) => ({ ...m, directStake: false }));
		expect(explain(healthy({ members }), 'noDirectStake')).toContain('Geen lid heeft direct belang');
	});

	it('overdueActions: counts open actions due before today (due today is not overdue)', () => {
		const actions = [
			{ status: 'open', due: '2026-03-14' },
			{ status: 'bezig', due: '2026-02-01' },
			{ status: 'klaar', due: '2026-02-01' },
			{ status: 'open', due: '2026-03-15' },
			{ status: 'open', due: null }
		];
		expect(explain(healthy({ actions }), 'overdueActions')).toBe('Acties over de datum: 2.');
	});

	it('overdueCheckpoints: counts past terugkoppelmomenten not done', () => {
		const checkpoints = [
			{ day: '2026-03-14', done: false },
			{ day: '2026-03-01', done: true },
			{ day: '2026-03-15', done: false }
		];
		expect(explain(healthy({ checkpoints }), 'overdueCheckpoints')).toBe(
			'Verstreken terugkoppelmomenten zonder afronding: 1.'
		);
	});

	it('longInPhase: fires after N whole months in the phase', () => {
		const since = Date.UTC(2025, 8, 15, 12);
		expect(explain(healthy({ phaseSince: since }), 'longInPhase')).toBe('Al 6 maanden in dezelfde fase.');
		expect(keys(healthy({ phaseSince: since + 1 }))).toEqual([]);
	});

	it('lists signals in the fixed order of SIGNAL_KEYS', () => {
		const all = healthy({
			phase: 'fase_0',
			phaseSince: NOW - 200 * DAY,
			members: [{ userId: 'x', roles: ['lid'], lidType: 'schil', directStake: false }],
			lastActivityAt: null,
			lastEditByUser: {},
			agreement: { confirmed: false, opdrachtgeverDelegated: true, besluitvormerNamed: false },
			probleemdefinitie: { empty: true, approved: null },
			actions: [{ status: 'open', due: '2026-01-01' }],
			checkpoints: [{ day: '2026-01-01', done: false }]
		});
		expect(keys(all)).toEqual([...SIGNAL_KEYS]);
	});
});

describe('monthsBetween', () => {
	it.each([
		[Date.UTC(2026, 0, 15), Date.UTC(2026, 1, 14), 0],
		[Date.UTC(2026, 0, 15), Date.UTC(2026, 1, 15), 1],
		[Date.UTC(2025, 10, 30), Date.UTC(2026, 4, 30), 6],
		[Date.UTC(2026, 0, 31), Date.UTC(2026, 1, 28), 0],
		[Date.UTC(2026, 0, 31), Date.UTC(2026, 2, 3), 1],
		[Date.UTC(2026, 5, 1), Date.UTC(2026, 0, 1), 0]
	])('%i → %i is %i months', (from, to, months) => {
		expect(monthsBetween(from, to)).toBe(months);
	});
});

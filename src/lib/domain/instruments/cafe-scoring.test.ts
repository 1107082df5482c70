import { describe, expect, it } from 'vitest';
import { APPROACH_OPTIONS, CAFE_FORM, GRAND_CAFE_FORM, cafeForm, shownNumber } from './cafe-evaluatie';
import {
	attentionGrid,
	choiceCounts,
	choiceMean,
	functionRanking,
	gradeMean,
	openAnswers,
	type CafeAnswers
} from './cafe-scoring';

const cafe: CafeAnswers[] = [
	{
		'cafe.q8': {
			ranks: {
				netwerken: 2,
				inspiratie_opdoen: 1,
				kennis_vaardigheden_opdoen: 3,
				kennis_vaardigheden_delen: 4,
				werken_aan_vraagstukken: 5,
				anders_1: 1
			},
			writeIns: { anders_1: 'Ontdekken of ik bij een doetank wil aansluiten.' }
		},
		'cafe.q9': {
			netwerken: 'te_weinig',
			inspiratie_opdoen: 'precies_genoeg',
			kennis_vaardigheden_opdoen: 'geen_mening'
		},
		'cafe.q10': 8
	},
	{
		'cafe.q8': {
			ranks: {
				netwerken: 1,
				inspiratie_opdoen: 2,
				kennis_vaardigheden_opdoen: 5,
				kennis_vaardigheden_delen: 3,
				werken_aan_vraagstukken: 4
			}
		},
		'cafe.q9': { netwerken: 'precies_genoeg', inspiratie_opdoen: 'te_veel', werken_aan_vraagstukken: 'te_weinig' },
		'cafe.q10': 7
	},
	{
		'cafe.q8': {
			ranks: {
				netwerken: 3,
				inspiratie_opdoen: 1,
				kennis_vaardigheden_opdoen: 4,
				kennis_vaardigheden_delen: 2,
				werken_aan_vraagstukken: 5
			},
			writeIns: { anders_2: '  ' }
		},
		'cafe.q9': { netwerken: 'te_weinig', inspiratie_opdoen: 'precies_genoeg' },
		'cafe.q10': 9
	},
	{ 'cafe.q3': { choice: 'nee' } }
];

describe('café evaluation (B7)', () => {
	it('gives the mean rapportcijfer over those who graded: (8 + 7 + 9) / 3 = 8', () => {
		expect(gradeMean(CAFE_FORM, cafe)).toEqual({ mean: 8, n: 3 });
		expect(gradeMean(CAFE_FORM, [])).toEqual({ mean: null, n: 0 });
	});

	it('ranks the café functions by mean priority, ties by first places', () => {
		const { ranking, writeIns } = functionRanking('cafe.q8', cafe);
		// inspiratie (1+2+1)/3 = 4/3; netwerken (2+1+3)/3 = 2; delen (4+3+2)/3 = 3; opdoen (3+5+4)/3 = 4; vraagstukken (5+4+5)/3 = 14/3
		expect(ranking.map((r) => r.key)).toEqual([
			'inspiratie_opdoen',
			'netwerken',
			'kennis_vaardigheden_delen',
			'kennis_vaardigheden_opdoen',
			'werken_aan_vraagstukken'
		]);
		expect(ranking[0]).toEqual({ key: 'inspiratie_opdoen', meanRank: 4 / 3, n: 3, firstPlaces: 2 });
		expect(ranking[4]?.meanRank).toBeCloseTo(14 / 3, 10);
		expect(writeIns).toEqual([{ text: 'Ontdekken of ik bij een doetank wil aansluiten.', rank: 1 }]);
	});

	it('breaks equal mean ranks by first places, then keeps the printed order', () => {
		const tied: CafeAnswers[] = [
			{ q: { ranks: { netwerken: 1, inspiratie_opdoen: 3 } } },
			{ q: { ranks: { netwerken: 3, inspiratie_opdoen: 2 } } },
			{ q: { ranks: { inspiratie_opdoen: 1 } } }
		];
		// Both mean 2 with one first place each: the printed order; the unranked functions come last.
		expect(functionRanking('q', tied).ranking.map((r) => r.key)).toEqual([
			'netwerken',
			'inspiratie_opdoen',
			'kennis_vaardigheden_opdoen',
			'kennis_vaardigheden_delen',
			'werken_aan_vraagstukken'
		]);
		const moreFirsts: CafeAnswers[] = [
			{ q: { ranks: { netwerken: 2, inspiratie_opdoen: 1 } } },
			{ q: { ranks: { netwerken: 2, inspiratie_opdoen: 3 } } }
		];
		expect(
			functionRanking('q', moreFirsts)
				.ranking.slice(0, 2)
				.map((r) => [r.key, r.meanRank, r.firstPlaces])
		).toEqual([
			['inspiratie_opdoen', 2, 1],
			['netwerken', 2, 0]
		]);
	});

	it('counts the attention grid per function with a balance of −1 / 0 / +1', () => {
		const rows = attentionGrid('cafe.q9', cafe);
		const row = (key: string) => rows.find((r) => r.key === key)!;
		expect(row('netwerken')).toEqual({
			key: 'netwerken',
			counts: { te_weinig: 2, precies_genoeg: 1, te_veel: 0, geen_mening: 0 },
			balance: -2 / 3
		});
		expect(row('inspiratie_opdoen').balance).toBeCloseTo(1 / 3, 10);
		expect(row('kennis_vaardigheden_opdoen')).toEqual({
			key: 'kennis_vaardigheden_opdoen',
			counts: { te_weinig: 0, precies_genoeg: 0, te_veel: 0, geen_mening: 1 },
			balance: null
		});
		expect(row('kennis_vaardigheden_delen').balance).toBeNull();
	});

	it('counts single choices in the printed order', () => {
		const q3 = CAFE_FORM.questions.find((q) => q.id === 'cafe.q3');
		if (q3?.type !== 'single_choice') throw new Error('q3 is a single choice');
		expect(choiceCounts('cafe.q3', q3.options, cafe)).toEqual([
			{ key: 'ja', count: 0, texts: [] },
			{ key: 'nee', count: 1, texts: [] },
			{ key: 'nee_indirect', count: 0, texts: [] },
			{ key: 'nee_van_plan', count: 0, texts: [] }
		]);
		const named: CafeAnswers[] = [
			{ 'cafe.q3': { choice: 'ja', text: ' Sneller vergunnen ' } },
			{ 'cafe.q3': { choice: 'ja', text: 'Kennisbehoud' } },
			{ 'cafe.q3': { choice: 'ja' } }
		];
		expect(choiceCounts('cafe.q3', q3.options, named)[0]).toEqual({
			key: 'ja',
			count: 3,
			texts: ['Kennisbehoud', 'Sneller vergunnen']
		});
	});
});

describe('Grand Café evaluation (B8)', () => {
	const grand: CafeAnswers[] = [
		{ 'grand_cafe.q6': 7, 'grand_cafe.q8': { choice: 'zeer_goed' } },
		{ 'grand_cafe.q6': 6, 'grand_cafe.q8': { choice: 'goed' } },
		{ 'grand_cafe.q8': { choice: 'geen_mening' } },
		{ 'grand_cafe.q6': 9, 'grand_cafe.q8': { choice: 'slecht' } }
	];

	it('is chosen for a Grand Café and grades question 6: (7 + 6 + 9) / 3', () => {
		expect(cafeForm(true)).toBe(GRAND_CAFE_FORM);
		expect(cafeForm(false)).toBe(CAFE_FORM);
		expect(gradeMean(GRAND_CAFE_FORM, grand)).toEqual({ mean: 22 / 3, n: 3 });
	});

	it('scores "Doetanks als aanpak" 4..1 with geen mening left out: (4 + 3 + 2) / 3 = 3', () => {
		expect(choiceMean('grand_cafe.q8', APPROACH_OPTIONS, grand)).toBe(3);
		expect(choiceCounts('grand_cafe.q8', APPROACH_OPTIONS, grand).map((c) => c.count)).toEqual([1, 1, 1, 0, 1]);
	});

	it('keeps the printed question numbers in the ids, shows them without gaps, and asks for contact details only after a yes to question 10', () => {
		expect(GRAND_CAFE_FORM.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		const q11 = GRAND_CAFE_FORM.questions.at(-1);
		expect(q11?.type === 'contact' && q11.showIf).toEqual({ question: 'grand_cafe.q10', choice: 'ja' });
		expect(CAFE_FORM.questions.map((q) => q.number)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10]);
		// B7's question 4 is left out: the form counts on without a gap.
		expect(CAFE_FORM.questions.map((q) => shownNumber(CAFE_FORM, q.id))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(shownNumber(GRAND_CAFE_FORM, 'grand_cafe.q11')).toBe(11);
	});
});

describe('open answers', () => {
	it('lists the non-empty answers, and for a pair which box each came from', () => {
		const pair = CAFE_FORM.questions.find((q) => q.id === 'cafe.q5')!;
		const single = CAFE_FORM.questions.find((q) => q.id === 'cafe.q6')!;
		const responses: CafeAnswers[] = [
			{ 'cafe.q5': { sterkste_punt: ' Samen werken ', zwakste_punt: '' }, 'cafe.q6': 'Korter' },
			{ 'cafe.q5': { zwakste_punt: 'Te vol' }, 'cafe.q6': '  ' },
			{}
		];
		expect(openAnswers(pair, responses)).toEqual([
			{ field: 'sterkste_punt', text: 'Samen werken' },
			{ field: 'zwakste_punt', text: 'Te vol' }
		]);
		expect(openAnswers(single, responses)).toEqual([{ field: null, text: 'Korter' }]);
	});

	it('sorts by box and text, so no respondent’s answers line up across questions', () => {
		const pair = CAFE_FORM.questions.find((q) => q.id === 'cafe.q5')!;
		const responses: CafeAnswers[] = [
			{ 'cafe.q5': { sterkste_punt: 'Zaal', zwakste_punt: 'Lang' } },
			{ 'cafe.q5': { sterkste_punt: 'Mensen', zwakste_punt: 'Eten' } }
		];
		expect(openAnswers(pair, responses).map((a) => a.text)).toEqual(['Mensen', 'Zaal', 'Eten', 'Lang']);
	});
});

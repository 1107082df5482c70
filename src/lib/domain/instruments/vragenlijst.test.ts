import { describe, expect, it } from 'vitest';
import { ANSWER_SCALES, ITEMS, SCALES, SECTIONS, SINGLE_QUESTIONS, scaleItems } from './vragenlijst';
import { aggregate, compareWaves, itemScore, scaleScore, scoreResponse, type Answers } from './vragenlijst-scoring';
import { FIXTURE_EXPECTED, FIXTURE_RESPONSES } from './vragenlijst.fixture';

describe('the instrument as copied', () => {
	it('has sections 1-10 with 50 items', () => {
		expect(SECTIONS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(ITEMS).toHaveLength(50);
		expect(new Set(ITEMS.map((i) => i.id)).size).toBe(50);
	});

	it('has the seven scales of Tabel 3 with 4, 7, 7, 3, 6, 4, 4 items', () => {
		expect(SCALES.map((s) => scaleItems(s.id).length)).toEqual([4, 7, 7, 3, 6, 4, 4]);
		expect(SCALES.map((s) => s.reference2012)).toEqual([4.1, 4.3, 3.6, 4.7, 3.4, 4.1, 3.9]);
	});

	it('reverse-scores exactly psychologische veiligheid A, C, E, leergedrag I and team innovativiteit B', () => {
		expect(ITEMS.filter((i) => i.reverse).map((i) => i.id)).toEqual([
			'psychologische_veiligheid_en_leergedrag.A',
			'psychologische_veiligheid_en_leergedrag.C',
			'psychologische_veiligheid_en_leergedrag.E',
			'psychologische_veiligheid_en_leergedrag.I',
			'team_innovativiteit.B'
		]);
	});

	it('prints section 7 from agreement to disagreement, with niet van toepassing as a missing code', () => {
		const codes = ANSWER_SCALES.eens_oneens_5_omgekeerd_met_nvt.options.map((o) => o.code);
		expect(codes).toEqual([5, 4, 3, 2, 1, null]);
		expect(ANSWER_SCALES.kenmerkend_7.options.map((o) => o.code)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('keeps the 0-100 rating and the rapportcijfer out of every scale', () => {
		const inScales = new Set(SCALES.flatMap((s) => scaleItems(s.id).map((i) => i.id)));
		expect(inScales.has('individuele_prestaties.D')).toBe(false);
		expect(inScales.has('overige_vragen.K')).toBe(false);
		expect(SINGLE_QUESTIONS.map((q) => q.id)).toContain('individuele_prestaties.D');
	});
});

describe('itemScore', () => {
	it('recodes a reversed 1-5 item as 6 − x and leaves others alone', () => {
		const answers: Answers = {
			'psychologische_veiligheid_en_leergedrag.A': 2,
			'psychologische_veiligheid_en_leergedrag.B': 2
		};
		expect(itemScore('psychologische_veiligheid_en_leergedrag.A', answers)).toBe(4);
		expect(itemScore('psychologische_veiligheid_en_leergedrag.B', answers)).toBe(2);
	});

	it('treats null, absent and out-of-range codes as missing', () => {
		const answers: Answers = { 'overige_vragen.A': null, 'innovatief_werkgedrag.A': 6, 'individuele_prestaties.A': 7 };
		expect(itemScore('overige_vragen.A', answers)).toBeNull();
		expect(itemScore('overige_vragen.B', answers)).toBeNull();
		expect(itemScore('innovatief_werkgedrag.A', answers)).toBeNull();
		expect(itemScore('individuele_prestaties.A', answers)).toBe(7);
	});
});

describe('scaleScore', () => {
	it('needs at least half of the items: 2 of 4, 4 of 7, 2 of 3', () => {
		const two: Answers = { 'professionalisering.A': 4, 'professionalisering.B': 2 };
		expect(scaleScore('professionalisering', two)).toBe(3);
		expect(scaleScore('professionalisering', { 'professionalisering.A': 4 })).toBeNull();
		const three: Answers = {
			'psychologische_veiligheid_en_leergedrag.B': 4,
			'psychologische_veiligheid_en_leergedrag.D': 4,
			'psychologische_veiligheid_en_leergedrag.F': 4
		};
		expect(scaleScore('ervaren_psychologische_veiligheid', three)).toBeNull();
		expect(
			scaleScore('ervaren_psychologische_veiligheid', { ...three, 'psychologische_veiligheid_en_leergedrag.A': 1 })
		).toBe(4.25);
		expect(
			scaleScore('individuele_werkprestaties', { 'individuele_prestaties.A': 3, 'individuele_prestaties.D': 90 })
		).toBeNull();
	});

	it.each(FIXTURE_EXPECTED.perRespondent.map((expected, i) => [i + 1, expected] as const))(
		'reproduces the hand-computed scale scores of respondent %i',
		(n, expected) => {
			const { scales } = scoreResponse(FIXTURE_RESPONSES[n - 1]!);
			for (const [scale, value] of Object.entries(expected)) {
				if (value === null) expect(scales[scale as keyof typeof scales], scale).toBeNull();
				else expect(scales[scale as keyof typeof scales], scale).toBeCloseTo(value, 10);
			}
		}
	);
});

describe('aggregate', () => {
	it('gives the mean of the respondents’ scale scores, and hides a figure fewer than 3 have', () => {
		const result = aggregate(FIXTURE_RESPONSES);
		expect(result).toMatchObject({ respondents: 3, visible: true });
		for (const [scale, value] of Object.entries(FIXTURE_EXPECTED.group)) {
			const figure = result.scales[scale as keyof typeof result.scales];
			if (value === null) expect(figure.mean, scale).toBeNull();
			else expect(figure.mean, scale).toBeCloseTo(value, 10);
		}
		expect(result.scales.professionalisering.n).toBe(2);
		for (const [id, value] of Object.entries(FIXTURE_EXPECTED.single)) {
			const figure = result.single[id as keyof typeof result.single];
			if (value === null) expect(figure.mean, id).toBeNull();
			else expect(figure.mean, id).toBeCloseTo(value, 10);
		}
	});

	it('computes nothing for two respondents', () => {
		const result = aggregate(FIXTURE_RESPONSES.slice(0, 2));
		expect(result.visible).toBe(false);
		expect(result.respondents).toBe(2);
		expect(Object.values(result.scales).every((f) => f.mean === null && f.n === 0)).toBe(true);
		expect(Object.values(result.single).every((f) => f.mean === null)).toBe(true);
	});

	it('takes a different threshold when asked', () => {
		expect(aggregate(FIXTURE_RESPONSES.slice(0, 1), 1).scales.innovatief_werkgedrag.mean).toBe(4);
	});
});

describe('compareWaves', () => {
	it('gives the change per scale where both waves have a figure', () => {
		const before = aggregate(FIXTURE_RESPONSES);
		const raised = FIXTURE_RESPONSES.map((a) => ({
			...a,
			'innovatief_werkgedrag.A': 5,
			'innovatief_werkgedrag.B': 5,
			'innovatief_werkgedrag.C': 5,
			'innovatief_werkgedrag.D': 5
		}));
		const changes = compareWaves(before, aggregate(raised));
		const innovatief = changes.find((c) => c.scaleId === 'innovatief_werkgedrag');
		expect(innovatief).toEqual({ scaleId: 'innovatief_werkgedrag', before: 4, after: 5, change: 1 });
		expect(changes.find((c) => c.scaleId === 'professionalisering')?.change).toBeNull();
		expect(changes.find((c) => c.scaleId === 'leergedrag')?.change).toBeCloseTo(0, 10);
	});
});

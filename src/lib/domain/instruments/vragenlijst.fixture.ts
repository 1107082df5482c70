import type { Answers } from './vragenlijst-scoring';

/**
 * Three fixed responses with hand-computed scores, shared by the unit tests and the browser test.
 * null is a missing answer (unanswered, or 'niet van toepassing' in section 7).
 */
function answers(sections: Record<string, (number | null)[]>): Answers {
	const out: Record<string, number | null> = {};
	for (const [key, values] of Object.entries(sections)) {
		const [section, first = 'A'] = key.split(':') as [string, string?];
		values.forEach((value, i) => (out[`${section}.${String.fromCharCode(first.charCodeAt(0) + i)}`] = value));
	}
	return out as Answers;
}

export const FIXTURE_RESPONSES: Answers[] = [
	answers({
		innovatief_werkgedrag: [4, 5, 3, 4],
		psychologische_veiligheid_en_leergedrag: [2, 4, 1, 3, 4, 5, 4, 3, 2, null, 4, 2, null, 5],
		individuele_prestaties: [5, 6, null, 75],
		taakprestaties: [3, 4, 4, 2, 3, 5],
		professionalisering: [4, null, null, null],
		team_innovativiteit: [4, 2, 3, 5],
		overige_vragen: [5, null, 4, 5, 4, 3, 5, 4, 2, 3, 8]
	}),
	answers({
		innovatief_werkgedrag: [3, 3, 4, 4],
		psychologische_veiligheid_en_leergedrag: [1, 5, 2, 4, 2, 4, 5, 4, 4, 3, 3, 4, 3, 2],
		individuele_prestaties: [4, 5, 5, 80],
		taakprestaties: [4, 4, 3, 3, 4, 4],
		professionalisering: [5, 4, 4, 3],
		team_innovativiteit: [3, 4, 3, 4],
		overige_vragen: [4, 4, 5, 4, 5, null, 4, 5, 3, 2, 7]
	}),
	answers({
		innovatief_werkgedrag: [5, 4, 4, 5],
		psychologische_veiligheid_en_leergedrag: [3, 3, 2, 3, 3, 4, 3, 5, 1, 4, 5, 3, 4, 4],
		individuele_prestaties: [6, 6, 7, null],
		taakprestaties: [5, 5, 4, 4, 5, 3],
		professionalisering: [4, 5, 5, 4],
		team_innovativiteit: [5, 1, 4, 5],
		overige_vragen: [null, 5, 5, 5, 4, 4, 5, 4, 4, 4, 9]
	})
];

/**
 * Worked out by hand (reverse items recoded as 6 − x; a scale needs half its items):
 * respondent 1 psychologische veiligheid (4+4+5+3+2+5+4)/7 = 27/7, leergedrag (3+4+4+2+5)/5 = 3.6
 * with J and M missing, werkprestaties (5+6)/2 = 5.5 with C missing, professionalisering none
 * (1 of 4 items); respondent 2 psych. veiligheid 31/7, leergedrag 21/7 = 3; respondent 3 psych.
 * veiligheid 23/7, leergedrag 30/7. Group means over the respondents' scale scores.
 */
export const FIXTURE_EXPECTED = {
	perRespondent: [
		{
			innovatief_werkgedrag: 4,
			ervaren_psychologische_veiligheid: 27 / 7,
			leergedrag: 3.6,
			individuele_werkprestaties: 5.5,
			individuele_taakprestaties: 3.5,
			professionalisering: null,
			team_innovativiteit: 4
		},
		{
			innovatief_werkgedrag: 3.5,
			ervaren_psychologische_veiligheid: 31 / 7,
			leergedrag: 3,
			individuele_werkprestaties: 14 / 3,
			individuele_taakprestaties: 22 / 6,
			professionalisering: 4,
			team_innovativiteit: 3
		},
		{
			innovatief_werkgedrag: 4.5,
			ervaren_psychologische_veiligheid: 23 / 7,
			leergedrag: 30 / 7,
			individuele_werkprestaties: 19 / 3,
			individuele_taakprestaties: 26 / 6,
			professionalisering: 4.5,
			team_innovativiteit: 4.75
		}
	],
	group: {
		innovatief_werkgedrag: 4,
		ervaren_psychologische_veiligheid: 27 / 7,
		leergedrag: 127 / 35,
		individuele_werkprestaties: 5.5,
		individuele_taakprestaties: 69 / 18,
		/** Only two respondents have a score: hidden. */
		professionalisering: null,
		team_innovativiteit: 11.75 / 3
	},
	/** Single questions: C 14/3, K 8; D (0-100), A, B and F have only two valid answers: hidden. */
	single: {
		'overige_vragen.C': 14 / 3,
		'overige_vragen.K': 8,
		'individuele_prestaties.D': null,
		'overige_vragen.A': null,
		'overige_vragen.B': null,
		'overige_vragen.F': null
	}
} as const;

import type { Text } from '../text';

/**
 * The café evaluation forms: Bijlage B7 (Café IV "Doetanks aan Zet!", 002:2902-3110) and B8
 * (Grand Café, 002:3112-3219). Dutch texts are verbatim except where a text named that one 2012
 * café: there `{cafe}` stands for the café being evaluated and the year "(2012)" is dropped.
 * Left out of B7: question 4 (which 2012 cafés you attended; attendance is now recorded when you
 * join) and questions 11-19 (the 2012 website and LinkedIn group). Question ids keep the printed
 * numbers.
 */

export interface Option {
	key: string;
	label: Text;
	/** Choosing it opens a text field ("Ja, namelijk ..."). */
	withText?: boolean;
	/** Numeric code for analysis (the instrument's proposal); null is "geen mening". */
	code?: number | null;
}

interface Base {
	id: string;
	/** The printed number, kept in the id; the form shows `shownNumber` (no gap where a question was left out). */
	number: number;
	text: Text;
}

export type Question =
	| (Base & { type: 'open_text' })
	| (Base & { type: 'open_text_pair'; fields: { key: string; label: Text }[] })
	| (Base & { type: 'single_choice'; options: Option[]; showIf?: { question: string; choice: string } })
	| (Base & { type: 'ranking'; items: { key: string; label: Text; writeIn?: boolean }[]; ranks: number })
	| (Base & { type: 'attention_grid'; rows: string[]; columns: Option[] })
	| (Base & { type: 'rapportcijfer' })
	/** Name, telephone and e-mail, kept apart from the answers like the questionnaire's question 10. */
	| (Base & { type: 'contact'; showIf: { question: string; choice: string }; fields: { key: string; label: Text }[] });

export interface CafeForm {
	id: 'cafe' | 'grand_cafe';
	source: string;
	title: Text;
	intro: Text | null;
	closing: Text;
	questions: Question[];
	/** The question holding the overall rapportcijfer. */
	gradeQuestion: string;
	/** The printed 2012 mean of that grade (Bijlage C8 / C9). */
	grade2012: number;
}

const yes: Option = { key: 'ja', label: { nl: 'Ja', en: 'Yes' } };
const no: Option = { key: 'nee', label: { nl: 'Nee', en: 'No' } };
const organisation = {
	nl: 'Voor welke (overheids-)organisatie bent u werkzaam?',
	en: 'Which (government) organisation do you work for?'
};

/** The café functions of B7 question 8, also the rows of the attention grid of question 9. */
export const CAFE_FUNCTIONS = [
	{ key: 'netwerken', label: { nl: 'Netwerken', en: 'Networking' } },
	{ key: 'inspiratie_opdoen', label: { nl: 'Inspiratie opdoen', en: 'Gaining inspiration' } },
	{
		key: 'kennis_vaardigheden_opdoen',
		label: { nl: 'Kennis en vaardigheden opdoen', en: 'Acquiring knowledge and skills' }
	},
	{
		key: 'kennis_vaardigheden_delen',
		label: { nl: 'Kennis en vaardigheden delen', en: 'Sharing knowledge and skills' }
	},
	{
		key: 'werken_aan_vraagstukken',
		label: { nl: 'Werken aan concrete (doetank)vraagstukken', en: 'Working on concrete (Doetank) issues' }
	}
] as const;
export type CafeFunction = (typeof CAFE_FUNCTIONS)[number]['key'];
export const WRITE_INS = ['anders_1', 'anders_2'] as const;
const otherNamely = { nl: 'Anders, namelijk', en: 'Other, namely' };

/** Columns of the attention grid; codes are the instrument's proposal (−1 / 0 / +1, no opinion missing). */
export const ATTENTION_COLUMNS = [
	{ key: 'te_weinig', label: { nl: 'te weinig aandacht', en: 'too little attention' }, code: -1 },
	{ key: 'precies_genoeg', label: { nl: 'precies genoeg aandacht', en: 'just enough attention' }, code: 0 },
	{ key: 'te_veel', label: { nl: 'te veel aandacht', en: 'too much attention' }, code: 1 },
	{ key: 'geen_mening', label: { nl: 'geen mening', en: 'no opinion' }, code: null }
] as const satisfies readonly Option[];
export type AttentionColumn = (typeof ATTENTION_COLUMNS)[number]['key'];

export const CAFE_FORM: CafeForm = {
	id: 'cafe',
	source: 'Bijlage B7 (002:2902-3110)',
	title: { nl: 'Vragenlijst Café', en: 'Café questionnaire' },
	intro: {
		nl: 'Het SNW is een netwerk van en voor professionals in de publieke sector. Om het netwerk zo goed mogelijk te kunnen ondersteunen is uw feedback van groot belang.',
		en: 'The SNW is a network of and for professionals in the public sector. To support the network as well as possible, your feedback is very important.'
	},
	closing: { nl: 'Hartelijk dank voor uw bijdrage!', en: 'Thank you very much for your contribution!' },
	gradeQuestion: 'cafe.q10',
	grade2012: 7.83,
	questions: [
		{ id: 'cafe.q1', number: 1, type: 'open_text', text: organisation },
		{ id: 'cafe.q2', number: 2, type: 'open_text', text: { nl: 'Wat is uw functie?', en: 'What is your position?' } },
		{
			id: 'cafe.q3',
			number: 3,
			type: 'single_choice',
			text: { nl: 'Zit u momenteel in een Doetank van het SNW?', en: 'Are you currently in an SNW Doetank?' },
			options: [
				{ key: 'ja', label: { nl: 'Ja, namelijk', en: 'Yes, namely' }, withText: true },
				no,
				{
					key: 'nee_indirect',
					label: {
						nl: 'Nee, maar ik ben wel (indirect) betrokken bij één of meerdere doetanks',
						en: 'No, but I am (indirectly) involved in one or more Doetanks'
					}
				},
				{ key: 'nee_van_plan', label: { nl: 'Nee, maar ik ben het wel van plan', en: 'No, but I do intend to be' } }
			]
		},
		{
			id: 'cafe.q5',
			number: 5,
			type: 'open_text_pair',
			text: {
				nl: 'Noem het sterkste punt en het zwakste punten van {cafe}',
				en: 'Name the strongest point and the weakest point of {cafe}'
			},
			fields: [
				{ key: 'sterkste_punt', label: { nl: 'Sterkste punt', en: 'Strongest point' } },
				{ key: 'zwakste_punt', label: { nl: 'Zwakste punt', en: 'Weakest point' } }
			]
		},
		{
			id: 'cafe.q6',
			number: 6,
			type: 'open_text',
			text: {
				nl: 'Hoe zou het door u genoemde zwakste punt in de toekomst verbeterd kunnen worden?',
				en: 'How could the weakest point you mentioned be improved in the future?'
			}
		},
		{
			id: 'cafe.q7',
			number: 7,
			type: 'single_choice',
			text: {
				nl: 'Was duidelijk welke rol het cafés speelde in het (jaar)programma van het SNW?',
				en: "Was it clear what role the café played in the SNW's (annual) programme?"
			},
			options: [
				{ key: 'jazeker', label: { nl: 'Jazeker', en: 'Certainly' } },
				{ key: 'enigszins', label: { nl: 'Enigszins', en: 'Somewhat' } },
				no,
				{ key: 'weet_ik_niet', label: { nl: 'Weet ik niet', en: "Don't know" } }
			]
		},
		{
			id: 'cafe.q8',
			number: 8,
			type: 'ranking',
			text: {
				nl: 'Kunt u aangeven wat voor u de belangrijkste functies zijn van de SNW Cafés in het algemeen? Wilt u de onderstaande functies prioriteren van 1-5? (1 voor de belangrijkste functie en 5 voor de minst belangrijke functie). U kunt eventueel de gegeven functies aanvullen.',
				en: 'Can you indicate which are, for you, the most important functions of the SNW Cafés in general? Please prioritise the functions below from 1-5 (1 for the most important function and 5 for the least important function). You may add to the functions given.'
			},
			ranks: 5,
			items: [...CAFE_FUNCTIONS, ...WRITE_INS.map((key) => ({ key, label: otherNamely, writeIn: true }))]
		},
		{
			id: 'cafe.q9',
			number: 9,
			type: 'attention_grid',
			text: {
				nl: 'In hoeverre kregen deze functies van SNW Cafés (in het algemeen) in {cafe} voldoende aandacht en ruimte in het programma?',
				en: 'To what extent did these functions of SNW Cafés (in general) get enough attention and room in the programme of {cafe}?'
			},
			rows: CAFE_FUNCTIONS.map((f) => f.key),
			columns: [...ATTENTION_COLUMNS]
		},
		{
			id: 'cafe.q10',
			number: 10,
			type: 'rapportcijfer',
			text: {
				nl: 'Alles bij elkaar genomen, welk rapportcijfer (1-10) zou u {cafe} geven?',
				en: 'All things considered, what grade (1-10) would you give {cafe}?'
			}
		}
	]
};

/** The Grand Café's question 8, "Doetanks als aanpak": four points without a midpoint plus no opinion. */
export const APPROACH_OPTIONS = [
	{ key: 'zeer_goed', label: { nl: 'Zeer goed', en: 'Very good' }, code: 4 },
	{ key: 'goed', label: { nl: 'Goed', en: 'Good' }, code: 3 },
	{ key: 'slecht', label: { nl: 'Slecht', en: 'Bad' }, code: 2 },
	{ key: 'zeer_slecht', label: { nl: 'Zeer slecht', en: 'Very bad' }, code: 1 },
	{ key: 'geen_mening', label: { nl: 'Geen mening', en: 'No opinion' }, code: null }
] as const satisfies readonly Option[];

export const GRAND_CAFE_FORM: CafeForm = {
	id: 'grand_cafe',
	source: 'Bijlage B8 (002:3112-3219)',
	title: { nl: 'Evaluatie Slimmernetwerk Grand Café', en: 'Evaluation Slimmernetwerk Grand Café' },
	intro: null,
	closing: { nl: 'Hartelijk dank voor de moeite!', en: 'Thank you for your trouble!' },
	gradeQuestion: 'grand_cafe.q6',
	grade2012: 7.43,
	questions: [
		{ id: 'grand_cafe.q1', number: 1, type: 'open_text', text: organisation },
		{
			id: 'grand_cafe.q2',
			number: 2,
			type: 'single_choice',
			text: {
				nl: 'Bent u momenteel betrokken bij een Doetank van het Slimmernetwerk?',
				en: 'Are you currently involved in a Slimmernetwerk Doetank?'
			},
			options: [{ key: 'ja', label: { nl: 'Ja, namelijk bij', en: 'Yes, namely in' }, withText: true }, no]
		},
		{
			id: 'grand_cafe.q3',
			number: 3,
			type: 'single_choice',
			text: {
				nl: 'Zijn de vandaag benoemde thema’s (de pitches) prangende vraagstukken over vernieuwing in de publieke sector?',
				en: 'Are the themes named today (the pitches) pressing issues about innovation in the public sector?'
			},
			options: [
				yes,
				{
					key: 'nee',
					label: { nl: 'Nee, want…. [graag hieronder toelichten]', en: 'No, because…. [please explain below]' },
					withText: true
				}
			]
		},
		{
			id: 'grand_cafe.q4',
			number: 4,
			type: 'single_choice',
			text: {
				nl: 'Heeft u een prangend vraagstuk over vernieuwing in de publieke sector voor een Doetank?',
				en: 'Do you have a pressing issue about innovation in the public sector for a Doetank?'
			},
			options: [
				no,
				{
					key: 'ja',
					label: { nl: 'Ja, namelijk…. [graag hieronder toelichten]', en: 'Yes, namely…. [please explain below]' },
					withText: true
				}
			]
		},
		{
			id: 'grand_cafe.q5',
			number: 5,
			type: 'open_text_pair',
			text: {
				nl: 'Noem de sterke en zwakke punten van het Grand Café',
				en: 'Name the strong and weak points of the Grand Café'
			},
			fields: [
				{ key: 'sterke_punten', label: { nl: 'Sterke punten Grand Café', en: 'Strong points Grand Café' } },
				{ key: 'zwakke_punten', label: { nl: 'Zwakke punten Grand Café', en: 'Weak points Grand Café' } }
			]
		},
		{
			id: 'grand_cafe.q6',
			number: 6,
			type: 'rapportcijfer',
			text: {
				nl: 'Alles bij elkaar genomen, geef een rapportcijfer (1-10) voor het Grand Café:',
				en: 'All things considered, give a grade (1-10) for the Grand Café:'
			}
		},
		{
			id: 'grand_cafe.q7',
			number: 7,
			type: 'open_text',
			text: {
				nl: 'Heeft u een suggestie ter verbetering van het Grand Café?',
				en: 'Do you have a suggestion for improving the Grand Café?'
			}
		},
		{
			id: 'grand_cafe.q8',
			number: 8,
			type: 'single_choice',
			text: {
				nl: 'Wat vindt u van de Doetanks als aanpak om tot vernieuwing te komen?',
				en: 'What do you think of the Doetanks as an approach to achieving innovation?'
			},
			options: [...APPROACH_OPTIONS]
		},
		{
			id: 'grand_cafe.q9',
			number: 9,
			type: 'open_text',
			text: {
				nl: 'Heeft u een suggestie ter verbetering van de Doetank-aanpak?',
				en: 'Do you have a suggestion for improving the Doetank approach?'
			}
		},
		{
			id: 'grand_cafe.q10',
			number: 10,
			type: 'single_choice',
			text: {
				nl: 'Zou u bij een Doetank betrokken willen zijn, als opdrachtgever of anderszins?',
				en: 'Would you like to be involved in a Doetank, as opdrachtgever or otherwise?'
			},
			options: [yes, no]
		},
		{
			id: 'grand_cafe.q11',
			number: 11,
			type: 'contact',
			text: { nl: 'Zo ja, mogen we u daarvoor benaderen?', en: 'If so, may we contact you about it?' },
			showIf: { question: 'grand_cafe.q10', choice: 'ja' },
			fields: [
				{ key: 'naam', label: { nl: 'Naam', en: 'Name' } },
				{ key: 'telefoonnummer', label: { nl: 'Telefoonnummer', en: 'Telephone number' } },
				{ key: 'emailadres', label: { nl: 'Emailadres', en: 'E-mail address' } }
			]
		}
	]
};

export function cafeForm(grandCafe: boolean): CafeForm {
	return grandCafe ? GRAND_CAFE_FORM : CAFE_FORM;
}

/** The number a question carries on screen: its place in the form, so leaving out B7's question 4 leaves no gap. */
export function shownNumber(form: CafeForm, questionId: string): number {
	return form.questions.findIndex((q) => q.id === questionId) + 1;
}

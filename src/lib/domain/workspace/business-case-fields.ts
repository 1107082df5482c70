import type { Text } from '../text';

/**
 * The canvas of the Business Case Methode (Bijlage B4 of TNO "Meten en Monitoren", 2013), copied
 * from the instrument file shared/instruments/business-case.json because the app never reads
 * /work/shared at run time.
 *
 * The labels stay here as nl/en pairs instead of going through src/lib/i18n: they are instrument
 * data (the texts printed on the canvas with the instrument's working translations), kept next to
 * the keys they label so the canvas, its print view and its Markdown export cannot drift apart.
 * Everything around them (buttons, headings of the page, prompts of the UI) is UI chrome and lives
 * in the message catalogue. Two source typos in a strategy text are corrected (producitiviteit,
 * fundtioneren) because the UI offers it as a choice.
 */
export type InstrumentLocale = keyof Text;

export type CanvasSection = 'header' | 'process' | 'grid' | 'footer';
export type GridRow = 'kwantitatief' | 'kwalitatief';
export type GridColumn = 'inputs' | 'outputs' | 'outcome';

export interface BusinessCaseField {
	key: string;
	section: CanvasSection;
	/** From the instrument: one line, running text, or a list of points (the printed '-' bullets). */
	kind: 'short_text' | 'text' | 'list';
	/** As printed on the canvas. */
	label: Text;
	/** A fuller name where the printed label is a single letter (the T/O/P boxes). */
	longLabel?: Text;
	grid?: Readonly<{ row: GridRow; column: GridColumn }>;
	/** Explanation from the instrument, for a help text. */
	hint?: Text;
}

const DEFINITION: Text = {
	nl: 'Met een business case wordt hier een ‘zakelijke argumentatie’ bedoeld; die is nodig om verantwoordelijke bestuurders en managers te overtuigen en te enthousiasmeren.',
	en: "By a business case we mean here a 'business argument'; it is needed to convince and enthuse responsible administrators and managers."
};

const q = <K extends string>(key: K, row: GridRow, column: GridColumn, nl: string, en: string) => ({
	key,
	section: 'grid' as const,
	kind: 'list' as const,
	label: { nl, en },
	grid: { row, column }
});

/** All fields in canvas order; every one is a collaborative text in the Y.Doc. */
export const BUSINESS_CASE_FIELDS = [
	{ key: 'onderwerp', section: 'header', kind: 'short_text', label: { nl: 'DoeTank:', en: 'Doetank:' } },
	{ key: 'interventie', section: 'header', kind: 'text', label: { nl: 'Interventie', en: 'Intervention' } },
	{ key: 'proces', section: 'process', kind: 'text', label: { nl: 'Proces', en: 'Process' } },
	{
		key: 'technologie',
		section: 'process',
		kind: 'text',
		label: { nl: 'T', en: 'T (Technology)' },
		longLabel: { nl: 'Technologie', en: 'Technology' }
	},
	{
		key: 'organisatie',
		section: 'process',
		kind: 'text',
		label: { nl: 'O', en: 'O (Organisation)' },
		longLabel: { nl: 'Organisatie', en: 'Organisation' }
	},
	{
		key: 'personeel',
		section: 'process',
		kind: 'text',
		label: { nl: 'P', en: 'P (Personnel)' },
		longLabel: { nl: 'Personeel', en: 'Personnel' }
	},
	q('q1_kwantitatieve_inputs', 'kwantitatief', 'inputs', 'Q1 Kwantitatieve inputs', 'Q1 Quantitative inputs'),
	q('q2_kwalitatieve_inputs', 'kwalitatief', 'inputs', 'Q2 Kwalitatieve inputs', 'Q2 Qualitative inputs'),
	q('q3_kwantitatieve_outputs', 'kwantitatief', 'outputs', 'Q3 Kwantitatieve outputs', 'Q3 Quantitative outputs'),
	q('q4_kwalitatieve_outputs', 'kwalitatief', 'outputs', 'Q4 Kwalitatieve outputs', 'Q4 Qualitative outputs'),
	q('q5_kwantitatieve_outcome', 'kwantitatief', 'outcome', 'Q5 Kwantitatieve outcome', 'Q5 Quantitative outcome'),
	q('q6_kwalitatieve_outcome', 'kwalitatief', 'outcome', 'Q6 Kwalitatieve outcome', 'Q6 Qualitative outcome'),
	{
		key: 'business_case',
		section: 'footer',
		kind: 'text',
		label: { nl: 'Business case', en: 'Business case (statement)' },
		hint: DEFINITION
	},
	{ key: 'kosten', section: 'footer', kind: 'text', label: { nl: 'Kosten', en: 'Costs' } },
	{ key: 'baten', section: 'footer', kind: 'text', label: { nl: 'Baten', en: 'Benefits' } },
	{
		key: 'productiviteitsstrategie',
		section: 'footer',
		kind: 'text',
		label: { nl: 'Productiviteitsstrategie', en: 'Productivity strategy' }
	}
] as const satisfies readonly BusinessCaseField[];

/** The printed label, with the full word where the canvas prints one letter ("T · Technologie"); the screen and the exports use it. */
export function fieldLabel(field: BusinessCaseField, locale: InstrumentLocale): string {
	const label = field.label[locale];
	const long = field.longLabel?.[locale];
	return long && !label.includes(long) ? `${label} · ${long}` : label;
}

export type BusinessCaseFieldKey = (typeof BUSINESS_CASE_FIELDS)[number]['key'];
export const BUSINESS_CASE_FIELD_KEYS: readonly BusinessCaseFieldKey[] = BUSINESS_CASE_FIELDS.map((f) => f.key);

/** The boxes of the one-page canvas, top to bottom. */
export const CANVAS_SECTIONS: readonly { key: CanvasSection; label: Text | null }[] = [
	{ key: 'header', label: null },
	{
		key: 'process',
		label: {
			nl: 'Proces en aanpassingen aan Technologie, Organisatie, Personeel',
			en: 'Process and adaptations to Technology, Organisation, Personnel'
		}
	},
	{ key: 'grid', label: null },
	{ key: 'footer', label: null }
];

/** The Q1-Q6 grid: two rows by three columns. */
export const CANVAS_GRID = {
	rows: [
		{ key: 'kwantitatief', label: { nl: 'kwantitatief', en: 'quantitative' } },
		{ key: 'kwalitatief', label: { nl: 'kwalitatief', en: 'qualitative' } }
	],
	columns: [
		{ key: 'inputs', label: { nl: 'inputs', en: 'inputs' } },
		{ key: 'outputs', label: { nl: 'outputs', en: 'outputs' } },
		{ key: 'outcome', label: { nl: 'outcome', en: 'outcome' } }
	],
	hint: {
		nl: 'investering in bottom-up innovatie moet leiden tot succesvolle Doetanks, innovatieve oplossingen, en een zekere verspreiding binnen de publieke sector (outputs). Uiteindelijk zouden we dit willen terugzien in bijdragen aan productiviteit (efficiëntieverbetering), professionalisering en publieke waarde (outcomes).',
		en: 'investment in bottom-up innovation should lead to successful Doetanks, innovative solutions and a certain spread within the public sector (outputs). Ultimately we would like to see this reflected in contributions to productivity (efficiency improvement), professionalisation and public value (outcomes).'
	}
} as const satisfies {
	rows: readonly { key: GridRow; label: Text }[];
	columns: readonly { key: GridColumn; label: Text }[];
	hint: Text;
};

/** The productivity strategies named in the sources; the free text field stays authoritative. */
export const PRODUCTIVITY_STRATEGIES = [
	{
		key: 'meer_input_meer_output',
		label: {
			nl: 'met meer middelen (extra input), (nog) meer output bereiken',
			en: 'achieving (even) more output with more resources (extra input)'
		}
	},
	{
		key: 'zelfde_input_meer_output',
		label: {
			nl: 'met dezelfde input, meer output bereiken met een verwachte gunstige outcome',
			en: 'achieving more output with the same input, with an expected favourable outcome'
		}
	},
	{
		key: 'minder_input_zelfde_of_betere_output',
		label: {
			nl: 'om met minder input dezelfde of betere output te bereiken',
			en: 'achieving the same or better output with less input'
		}
	},
	{
		key: 'beperkte_extra_input_betere_output',
		label: {
			nl: 'Vaak was een beperkte extra input (vaak een tijdsinvestering) noodzakelijk om een betere output te realiseren.',
			en: 'Often a limited extra input (often an investment of time) was needed to realise a better output.'
		}
	},
	{
		key: 'zelfde_budget_meer_opbrengst',
		label: { nl: 'meer opbrengst met hetzelfde budget', en: 'more return with the same budget' }
	},
	{
		key: 'indirect',
		label: {
			nl: 'Dit heeft geen direct effect voor productiviteitsstijging. Indirect kan de productiviteit stijgen, doordat organisaties beter functioneren.',
			en: 'This has no direct effect on productivity growth. Productivity can rise indirectly because organisations function better.'
		}
	}
] as const satisfies readonly { key: string; label: Text }[];

export type StrategyKey = (typeof PRODUCTIVITY_STRATEGIES)[number]['key'];

export function isStrategyKey(value: unknown): value is StrategyKey {
	return PRODUCTIVITY_STRATEGIES.some((strategy) => strategy.key === value);
}

/**
 * The five levels of the method (the instrument's `levels`, in its order 1-5): the member themself,
 * the Doetank as a whole, the solution in a pilot organisation, the Doetank's solution for the
 * public sector and society, and the network as a whole. The first four live in a Doetank's
 * document; the network's canvas is the one canvas of the network document (network.ts).
 */
export const CANVAS_LEVELS = ['personal', 'doetank', 'pilot', 'society', 'network'] as const;
export type CanvasLevel = (typeof CANVAS_LEVELS)[number];

/** The instrument's captions of these levels (B4 caption split in three, Bijlage A D2, the B4 network caption). */
export const CANVAS_LEVEL_LABELS: Record<CanvasLevel, Text> = {
	personal: {
		nl: 'Business case voor Doetanklid zelf',
		en: 'Business case for the Doetank member themself'
	},
	doetank: { nl: 'voor de Doetank als geheel', en: '(Business case) for the Doetank as a whole' },
	pilot: {
		nl: 'voor de oplossing die wordt geïmplementeerd in de organisatie',
		en: '(Business case) for the solution that is implemented in the organisation'
	},
	society: {
		nl: 'BC van de oplossing van de Doetank voor de publieke sector/samenleving',
		en: "Business case of the Doetank's solution for the public sector/society"
	},
	network: {
		nl: 'Business case voor het SlimmerNetWerk als geheel.',
		en: 'Business case for the SlimmerNetWerk as a whole.'
	}
};

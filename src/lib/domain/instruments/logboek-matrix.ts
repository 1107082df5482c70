import type { Text } from '../text';

/**
 * The logboek-matrix (Bijlage B3a, 002:2281-2347): a reflection at three moments of a Doetank,
 * per theme and sub-topic, in two columns. The coach keeps it per Doetank, so the block for
 * SNW project-group members ("Over jouw rol in de SNW-projectgroep") is left out here.
 */
export const MOMENTS = [
	{ key: 'begin', label: { nl: 'begin', en: 'beginning' } },
	{ key: 'halverwege', label: { nl: 'halverwege', en: 'halfway' } },
	{ key: 'eind', label: { nl: 'eind', en: 'end' } }
] as const;
export type Moment = (typeof MOMENTS)[number]['key'];

export const COLUMNS = [
	{
		key: 'stimulerend',
		label: { nl: 'stimulerende factoren', en: 'stimulating factors' },
		prompt: { nl: 'wat gaat goed', en: 'what is going well' }
	},
	{
		key: 'remmend',
		label: { nl: 'remmende factoren', en: 'inhibiting factors' },
		prompt: { nl: 'wat gaat moeizaam/fout?', en: 'what is going with difficulty/wrong?' }
	}
] as const;
export type Column = (typeof COLUMNS)[number]['key'];

export const DESCRIPTION: Text = {
	nl: 'Een matrix als logboek die SNW-projectteamleden en coaches als een ‘reflectie’ invullen op drie momenten die samenhangen met de fasering van doetanks, namelijk bij het ‘begin’, ergens ‘halverwege’ en aan het ‘eind’. Benoem stimulerende en remmende factoren (wat gaat goed; wat gaat moeizaam/fout?).',
	en: "A matrix used as a logbook that SNW project team members and coaches fill in as a 'reflection' at three moments linked to the phasing of Doetanks, namely at the 'beginning', somewhere 'halfway' and at the 'end'. Name stimulating and inhibiting factors (what is going well; what is going with difficulty/wrong?)."
};

export const BLOCKS = [
	{
		key: 'over_jouw_doetank',
		label: { nl: 'Over jouw Doetank', en: 'About your Doetank' },
		topics: [
			{ id: 'over_jouw_doetank.voortgang', label: { nl: 'voortgang en functioneren', en: 'progress and functioning' } },
			{
				id: 'over_jouw_doetank.kwaliteit_oplossing',
				label: { nl: 'de kwaliteit van de ‘oplossing’', en: "the quality of the 'solution'" }
			},
			{
				id: 'over_jouw_doetank.leden',
				label: {
					nl: 'vaardigheid/kwaliteit/inzet van de doetankleden',
					en: 'skill/quality/commitment of the Doetank members'
				}
			},
			{
				id: 'over_jouw_doetank.aanhaken',
				label: { nl: 'aanhaken bij een organisatie/toepassing', en: 'linking up with an organisation/application' }
			},
			{
				id: 'over_jouw_doetank.ontvangende_organisatie',
				label: { nl: 'rol van ontvangende organisatie/pilot', en: 'role of the receiving organisation/pilot' }
			},
			{ id: 'over_jouw_doetank.opschalen', label: { nl: 'opschalen van de oplossing', en: 'scaling up the solution' } },
			{
				id: 'over_jouw_doetank.productiviteit_professionalisering',
				label: {
					nl: 'tegemoetkomen aan productiviteitsverbetering en professionalisering',
					en: 'contributing to productivity improvement and professionalisation'
				}
			}
		]
	},
	{
		key: 'over_jouw_rol_als_coach',
		label: { nl: 'Over jouw rol als coach', en: 'About your role as coach' },
		topics: [
			{
				id: 'over_jouw_rol_als_coach.acceptatie',
				label: { nl: 'acceptatie door Doetank', en: 'acceptance by the Doetank' }
			},
			{
				id: 'over_jouw_rol_als_coach.duidelijkheid_rol',
				label: { nl: 'duidelijkheid/verwachting over je rol', en: 'clarity/expectations about your role' }
			},
			{
				id: 'over_jouw_rol_als_coach.competenties',
				label: { nl: 'competenties voor je eigen rol', en: 'competences for your own role' }
			},
			{
				id: 'over_jouw_rol_als_coach.relatie_derden',
				label: { nl: 'relatie met ‘derden’', en: "relationship with 'third parties'" }
			}
		]
	},
	{
		key: 'over_het_project_als_geheel',
		label: { nl: 'Over het project als geheel', en: 'About the project as a whole' },
		topics: [
			{
				id: 'over_het_project_als_geheel.producten',
				label: { nl: 'onze producten/methoden en resultaten', en: 'our products/methods and results' }
			},
			{
				id: 'over_het_project_als_geheel.werkwijze',
				label: { nl: 'efficiëntie/effectiviteit onze werkwijze', en: 'efficiency/effectiveness of our way of working' }
			},
			{
				id: 'over_het_project_als_geheel.klant',
				label: {
					nl: 'relatie met de klant/resultaat voor klant',
					en: 'relationship with the client/result for the client'
				}
			},
			{
				id: 'over_het_project_als_geheel.innovativiteit',
				label: { nl: 'onze innovativiteit', en: 'our innovativeness' }
			}
		]
	}
] as const;
export type TopicId = (typeof BLOCKS)[number]['topics'][number]['id'];

export const TOPIC_IDS: readonly TopicId[] = BLOCKS.flatMap((b) => b.topics.map((t) => t.id));

export function isMoment(value: unknown): value is Moment {
	return MOMENTS.some((m) => m.key === value);
}

/** One cell pair of the matrix: what the coach wrote for a topic at a moment. */
export interface MatrixEntry {
	moment: Moment;
	topicId: TopicId;
	stimulerend: string;
	remmend: string;
}

export type MatrixCell = Pick<MatrixEntry, 'stimulerend' | 'remmend'>;

export interface SideBySideRow {
	topicId: TopicId;
	/** Per moment in order begin, halverwege, eind; empty texts where nothing was written. */
	moments: Record<Moment, MatrixCell>;
}

const EMPTY: MatrixCell = { stimulerend: '', remmend: '' };

/** The three moments next to each other, one row per topic in the matrix's order, grouped by block. */
export function sideBySide(
	entries: readonly MatrixEntry[]
): { block: (typeof BLOCKS)[number]['key']; rows: SideBySideRow[] }[] {
	const byKey = new Map(entries.map((e) => [`${e.moment}|${e.topicId}`, e]));
	const cell = (moment: Moment, topicId: TopicId): MatrixCell => {
		const entry = byKey.get(`${moment}|${topicId}`);
		return entry ? { stimulerend: entry.stimulerend, remmend: entry.remmend } : EMPTY;
	};
	return BLOCKS.map((block) => ({
		block: block.key,
		rows: block.topics.map((topic) => ({
			topicId: topic.id,
			moments: {
				begin: cell('begin', topic.id),
				halverwege: cell('halverwege', topic.id),
				eind: cell('eind', topic.id)
			}
		}))
	}));
}

/** How many topics have any text at each moment, e.g. to show which moments were filled in. */
export function filledPerMoment(entries: readonly MatrixEntry[]): Record<Moment, number> {
	const filled = (m: Moment) =>
		entries.filter((e) => e.moment === m && (e.stimulerend.trim() !== '' || e.remmend.trim() !== '')).length;
	return { begin: filled('begin'), halverwege: filled('halverwege'), eind: filled('eind') };
}

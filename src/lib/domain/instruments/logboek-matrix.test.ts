import { describe, expect, it } from 'vitest';
import { BLOCKS, TOPIC_IDS, filledPerMoment, isMoment, sideBySide, type MatrixEntry } from './logboek-matrix';

describe('logboek-matrix', () => {
	it('has the coach blocks of B3a: 7 + 4 + 4 topics, without the project-group block', () => {
		expect(BLOCKS.map((b) => [b.key, b.topics.length])).toEqual([
			['over_jouw_doetank', 7],
			['over_jouw_rol_als_coach', 4],
			['over_het_project_als_geheel', 4]
		]);
		expect(new Set(TOPIC_IDS).size).toBe(15);
		expect(TOPIC_IDS).not.toContain('over_jouw_rol_in_de_snw_projectgroep.talenten');
		expect(TOPIC_IDS).toContain('over_jouw_doetank.leden');
		expect(isMoment('halverwege')).toBe(true);
		expect(isMoment('midden')).toBe(false);
	});

	it('puts the three moments of each topic side by side, empty where nothing was written', () => {
		const entries: MatrixEntry[] = [
			{ moment: 'eind', topicId: 'over_jouw_doetank.voortgang', stimulerend: 'Pilot loopt', remmend: '' },
			{
				moment: 'begin',
				topicId: 'over_jouw_doetank.voortgang',
				stimulerend: 'Energie',
				remmend: 'Geen opdrachtgever'
			},
			{ moment: 'halverwege', topicId: 'over_het_project_als_geheel.klant', stimulerend: '', remmend: 'Klant wisselt' }
		];
		const view = sideBySide(entries);
		expect(view.map((b) => b.block)).toEqual(BLOCKS.map((b) => b.key));
		const first = view[0]!.rows[0]!;
		expect(first).toEqual({
			topicId: 'over_jouw_doetank.voortgang',
			moments: {
				begin: { stimulerend: 'Energie', remmend: 'Geen opdrachtgever' },
				halverwege: { stimulerend: '', remmend: '' },
				eind: { stimulerend: 'Pilot loopt', remmend: '' }
			}
		});
		expect(
			view[2]!.rows.find((r) => r.topicId === 'over_het_project_als_geheel.klant')!.moments.halverwege.remmend
		).toBe('Klant wisselt');
		expect(
			filledPerMoment([
				...entries,
				{ moment: 'eind', topicId: 'over_jouw_doetank.leden', stimulerend: '  ', remmend: '' }
			])
		).toEqual({ begin: 1, halverwege: 1, eind: 1 });
	});
});

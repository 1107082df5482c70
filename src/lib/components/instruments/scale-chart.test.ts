import { describe, expect, it } from 'vitest';
import { groupByRange } from '$lib/domain/instruments/scale-ranges';
import { SCALES } from '$lib/domain/instruments/vragenlijst';
import { scaleChartConfig } from './scale-chart';

describe('scaleChartConfig', () => {
	it('gives every range of the vragenlijst scales a chart whose axis runs over exactly that range', () => {
		const configs = groupByRange(SCALES).map((g) =>
			scaleChartConfig({
				labels: g.items.map((s) => s.id),
				series: [{ name: 'Referentie', values: g.items.map((s) => s.reference2012) }],
				min: g.min,
				max: g.max,
				axisTitle: `Gemiddelde (${g.min}–${g.max})`,
				format: String
			})
		);
		const axes = configs.map((c) => c.options?.scales?.x);
		expect(axes.map((x) => [x?.min, x?.max])).toEqual([
			[1, 5],
			[1, 7]
		]);
		expect(axes.map((x) => (x as { title?: { display: boolean; text: string } }).title)).toEqual([
			expect.objectContaining({ display: true, text: 'Gemiddelde (1–5)' }),
			expect.objectContaining({ display: true, text: 'Gemiddelde (1–7)' })
		]);
		// The 1–7 scale is in the second chart only, and no 1–5 scale is drawn on its axis.
		expect(configs[1]!.data.labels).toEqual(['individuele_werkprestaties']);
		expect(configs[0]!.data.labels).not.toContain('individuele_werkprestaties');
	});

	it('draws one dataset per series with the values in label order', () => {
		const config = scaleChartConfig({
			labels: ['a', 'b'],
			series: [
				{ name: 'Doetank', values: [3, null] },
				{ name: 'Referentie', values: [4, 2] }
			],
			min: 1,
			max: 5,
			axisTitle: 'x',
			format: String
		});
		expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Doetank', [3, null]],
			['Referentie', [4, 2]]
		]);
	});
});

import type { ChartConfiguration } from 'chart.js';

export interface ScaleChartInput {
	labels: string[];
	series: { name: string; values: (number | null)[] }[];
	/** The answer range shared by every label: the axis runs exactly from min to max. */
	min: number;
	max: number;
	/** Names the axis, including its range, so a reader never takes a 1–7 mean for a 1–5 one. */
	axisTitle: string;
	format: (value: number | null) => string;
}

// Both dark enough for 3:1 (graphics) against the white card; the legend names each series.
const COLOURS = ['#1f5f5b', '#8a5a00'];
const INK = '#1d2a2f';

/** Chart.js configuration of a horizontal bar chart of means on one answer range. */
export function scaleChartConfig(input: ScaleChartInput): ChartConfiguration<'bar', (number | null)[], string> {
	return {
		type: 'bar',
		data: {
			labels: input.labels,
			datasets: input.series.map((s, i) => ({
				label: s.name,
				data: s.values,
				backgroundColor: COLOURS[i % COLOURS.length]
			}))
		},
		options: {
			indexAxis: 'y',
			maintainAspectRatio: false,
			animation: false,
			color: INK,
			scales: {
				x: {
					min: input.min,
					max: input.max,
					ticks: { color: INK, stepSize: 1 },
					title: { display: true, text: input.axisTitle, color: INK }
				},
				y: { ticks: { color: INK } }
			},
			plugins: {
				legend: { position: 'top', labels: { color: INK } },
				tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${input.format(item.parsed.x)}` } }
			}
		}
	};
}

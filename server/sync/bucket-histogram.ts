import type { Metric, Registry } from 'prom-client';

/**
 * A histogram without labels for the sync server's per-update timings, registered in a prom-client
 * registry and exposed exactly like prom-client's own. prom-client's `observe` keeps each bucket
 * under its bound as an object key, so every observation turns a float such as 0.0025 into a
 * string and looks it up; in the running server that made its histograms about 3 % of all CPU
 * (perf, 10 × 10 × 2). Here an observation is a few comparisons and two additions.
 */
export class BucketHistogram {
	readonly type = 'histogram';
	readonly aggregator = 'sum';
	private readonly counts: Float64Array;
	private sum = 0;
	private count = 0;

	constructor(
		readonly name: string,
		readonly help: string,
		private readonly bounds: readonly number[],
		registry: Registry
	) {
		this.counts = new Float64Array(bounds.length);
		// The registry reads metrics through get() and reset() only (prom-client 15).
		registry.registerMetric(this as unknown as Metric);
	}

	observe(value: number): void {
		let i = 0;
		while (i < this.bounds.length && value > this.bounds[i]!) i++;
		if (i < this.counts.length) this.counts[i]!++;
		this.sum += value;
		this.count++;
	}

	reset(): void {
		this.counts.fill(0);
		this.sum = 0;
		this.count = 0;
	}

	get() {
		const bucket = `${this.name}_bucket`;
		let cumulative = 0;
		const values = this.bounds.map((le, i) => ({
			labels: { le },
			value: (cumulative += this.counts[i]!),
			metricName: bucket
		}));
		return {
			name: this.name,
			help: this.help,
			type: this.type,
			aggregator: this.aggregator,
			values: [
				...values,
				{ labels: { le: '+Inf' }, value: this.count, metricName: bucket },
				{ labels: {}, value: this.sum, metricName: `${this.name}_sum` },
				{ labels: {}, value: this.count, metricName: `${this.name}_count` }
			]
		};
	}
}

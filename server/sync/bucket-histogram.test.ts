import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BucketHistogram } from './bucket-histogram';

const BOUNDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The same observations in ours and in prom-client's own Histogram, each in its own registry. */
async function exposeBoth(values: number[]): Promise<[string, string]> {
	const ours = new Registry();
	const theirs = new Registry();
	const fast = new BucketHistogram('t_seconds', 'Help text.', BOUNDS, ours);
	const reference = new Histogram({ name: 't_seconds', help: 'Help text.', buckets: BOUNDS, registers: [theirs] });
	for (const v of values) {
		fast.observe(v);
		reference.observe(v);
	}
	return [await ours.metrics(), await theirs.metrics()];
}

describe('BucketHistogram', () => {
	it('exposes exactly what prom-client’s Histogram exposes for the same observations', async () => {
		const values = [0, 0.0001, 0.0005, 0.00051, 0.001, 0.003, 0.02, 0.02, 0.7, 2.5, 3, 1000];
		const [ours, theirs] = await exposeBoth(values);
		expect(ours).toBe(theirs);
		expect(ours).toContain('t_seconds_bucket{le="0.0005"} 3');
		expect(ours).toContain('t_seconds_bucket{le="+Inf"} 12');
		expect(ours).toContain('t_seconds_count 12');
	});

	it('matches prom-client on many random observations, bounds included', async () => {
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 3;
		const values = Array.from({ length: 5000 }, (_, i) => (i % 10 === 0 ? BOUNDS[i % BOUNDS.length]! : random()));
		const [ours, theirs] = await exposeBoth(values);
		expect(ours).toBe(theirs);
	});

	it('shows zeros before any observation and again after a reset of the registry', async () => {
		const registry = new Registry();
		const histogram = new BucketHistogram('t_seconds', 'Help text.', BOUNDS, registry);
		const empty = await registry.metrics();
		expect(empty).toContain('t_seconds_bucket{le="+Inf"} 0');
		histogram.observe(0.01);
		expect(await registry.metrics()).toContain('t_seconds_bucket{le="0.01"} 1');
		registry.resetMetrics();
		expect(await registry.metrics()).toBe(empty);
	});

	it('refuses a second metric of the same name in one registry', () => {
		const registry = new Registry();
		new BucketHistogram('t_seconds', 'Help text.', BOUNDS, registry);
		expect(() => new Histogram({ name: 't_seconds', help: 'x', registers: [registry] })).toThrow(
			/already been registered/
		);
	});
});

import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { Tally } from './tally';

describe('Tally', () => {
	it('exposes exactly what a prom-client Counter exposes for the same increments, scrape after scrape', async () => {
		const ours = new Registry();
		const theirs = new Registry();
		const values = ['accepted', 'dropped'] as const;
		const tally = new Tally({ name: 't_total', help: 'Help.', registry: ours, label: 'result', values });
		const counter = new Counter({ name: 't_total', help: 'Help.', labelNames: ['result'], registers: [theirs] });
		const plain = new Tally({ name: 'p_total', help: 'Plain.', registry: ours });
		const plainCounter = new Counter({ name: 'p_total', help: 'Plain.', registers: [theirs] });
		expect(await ours.metrics()).toBe(await theirs.metrics());
		for (const [value, n] of [
			['accepted', 1],
			['accepted', 1],
			['dropped', 3]
		] as const) {
			tally.add(value, n);
			counter.inc({ result: value }, n);
			plain.add('', n);
			plainCounter.inc(n);
		}
		const first = await ours.metrics();
		expect(first).toBe(await theirs.metrics());
		expect(first).toContain('t_total{result="accepted"} 2');
		expect(first).toContain('p_total 5');
		tally.add('accepted');
		counter.inc({ result: 'accepted' });
		expect(await ours.metrics()).toBe(await theirs.metrics());
		expect(await ours.metrics()).toContain('t_total{result="accepted"} 3');
	});
});

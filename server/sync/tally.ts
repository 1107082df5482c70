import { Counter, type Registry } from 'prom-client';

/**
 * A Prometheus counter for the path of every edit: `add` only adds to a plain number, and the
 * prom-client Counter takes what was added when `/metrics` is scraped, so the exposition is the same.
 * prom-client's own `inc` hashes the labels and looks up the value on every call, even for a bound
 * child: its two counters on that path took about 2 % of the server's CPU in a `--cpu-prof` of the
 * benchmark. Label values are fixed when it is made; without a label it is a plain counter.
 */
export class Tally<V extends string = ''> {
	private readonly pending = {} as Record<V, number>;

	constructor(opts: { name: string; help: string; registry: Registry; label?: string; values?: readonly V[] }) {
		const pending = this.pending;
		const label = opts.label;
		for (const value of opts.values ?? (['' as V] as const)) pending[value] = 0;
		new Counter({
			name: opts.name,
			help: opts.help,
			labelNames: label ? [label] : [],
			registers: [opts.registry],
			collect() {
				for (const value of Object.keys(pending) as V[]) {
					const n = pending[value];
					// A label value nobody added to stays out of the exposition, as with prom-client.
					if (n === 0) continue;
					if (label) this.inc({ [label]: value }, n);
					else this.inc(n);
					pending[value] = 0;
				}
			}
		});
	}

	add(value: V, n = 1): void {
		this.pending[value] += n;
	}
}

// Capacity on one core: the server pinned to core 0, the clients and this harness to the others; the
// load goes up step by step until p99 reaches 100 ms or a delivery is lost. A server's capacity is the
// most deliveries per second it carried in a step that passed.
import os from 'node:os';
import { measure, pin } from './measure.mjs';

export const CAPACITY_P99_MS = 100;

/**
 * @typedef {{ kind: string, label: string, round: number, steps: import('./measure.mjs').Result[],
 *   capacity: number }} CapacityResult
 */

/** @param {import('./measure.mjs').Result} r */
export const passed = (r) => !r.error && r.p99 < CAPACITY_P99_MS && r.received === r.expected && r.expected > 0;

/** Deliveries per second of one step. @param {import('./measure.mjs').Result} r */
export const perSecond = (r) => (r.error ? 0 : r.received / r.seconds);

/**
 * @param {string} kind @param {number} round @param {import('./options.mjs').Options} options
 * @param {(line: string) => void} log @returns {Promise<CapacityResult>}
 */
export async function measureCapacity(kind, round, options, log) {
	const cores = os.cpus().length;
	const placement = { server: '0', clients: cores > 1 ? `1-${cores - 1}` : '0' };
	/** @type {import('./measure.mjs').Result[]} */
	const steps = [];
	try {
		for (const step of options.steps) {
			let r;
			try {
				r = await measure(kind, step, round, options, placement);
			} catch (err) {
				r = /** @type {import('./measure.mjs').Result} */ ({
					kind,
					label: kind,
					scenario: step,
					round,
					error: err instanceof Error ? err.message : String(err)
				});
			}
			steps.push(r);
			log(
				r.error
					? `  ${step.docs}x${step.clients}x${step.rate}: failed: ${r.error}`
					: `  ${step.docs}x${step.clients}x${step.rate}: ${perSecond(r).toFixed(0)} deliveries/s, p99 ${r.p99.toFixed(1)} ms, lost ${r.expected - r.received}`
			);
			if (!passed(r)) break;
		}
	} finally {
		// The harness was pinned with the clients; what runs after this scenario gets every core back.
		pin(process.pid, `0-${cores - 1}`);
	}
	const ok = steps.filter(passed);
	return {
		kind,
		label: steps.find((s) => !s.error)?.label ?? kind,
		round,
		steps,
		capacity: Math.max(0, ...ok.map(perSecond))
	};
}

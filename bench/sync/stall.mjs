// The harness side of stall-probe.mjs: start a server with the probe, and ask it for the longest
// event-loop delay since the last ask.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const now = () => performance.now();
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const PROBE = pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'stall-probe.mjs')).href;

/**
 * What a server start needs to carry the probe, and how to ask it.
 * @param {string} name unique per measurement
 */
export function stallProbe(name) {
	const file = path.join(tmpdir(), `doetank-bench-stall-${process.pid}-${name}.json`);
	let asked = 0;
	return {
		extra: { env: { BENCH_STALL_FILE: file }, nodeArgs: ['--import', PROBE] },
		/**
		 * The longest delay and the 99th percentile since the last ask (ms); the first ask opens the window.
		 * @param {number} pid
		 * @returns {Promise<{ maxMs: number, p99Ms: number }>}
		 */
		async ask(pid) {
			const before = asked++;
			process.kill(pid, 'SIGUSR2');
			const deadline = now() + 10_000;
			for (;;) {
				try {
					const report = JSON.parse(readFileSync(file, 'utf8'));
					if (report.asked > before) return report;
				} catch {
					// not written yet, or being written
				}
				if (now() > deadline) throw new Error('the stall probe did not answer within 10 s');
				await sleep(20);
			}
		},
		remove: () => rm(file, { force: true })
	};
}

// One measurement: one server, one scenario, from a fresh server process to its shutdown.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { cpuSeconds, machineBusySeconds, peakRssMiB, resetPeakRss } from './proc.mjs';
import { profile } from './profile.mjs';
import { START } from './servers.mjs';
import { stallProbe } from './stall.mjs';
import { latencySummary, timeline } from './stats.mjs';
import { closeWorkers, request, spawnWorkers } from './workers.mjs';

const now = () => performance.timeOrigin + performance.now();
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const CONNECT_TIMEOUT_MS = 60_000;
const DRAIN_TIMEOUT_MS = 15_000;

/** Binds every thread of a process to the given cores. @param {number} pid @param {string} cores */
export function pin(pid, cores) {
	const done = spawnSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
	if (done.status !== 0) throw new Error(`taskset could not pin process ${pid} to cores ${cores}`);
}

/**
 * @typedef {{ kind: string, label: string, scenario: import('./options.mjs').Scenario, round: number, error?: string,
 *   edits: number, expected: number, received: number, convergedDocs: number, p50: number, p99: number,
 *   max: number, cpuS: number, cpuPerDeliveryUs: number, peakRssMiB: number, peakIsWorkload: boolean,
 *   stallMaxMs: number, stallP99Ms: number, reconnects: number, seconds: number, clientCpuS: number, otherCpuS: number,
 *   timeline: ReturnType<typeof timeline>, parts?: Record<string, number> | null }} Result
 */

/**
 * CPU seconds used so far by the server, by the client processes, and by the whole machine minus
 * both and this process: the last shows how much other work disturbed the measurement.
 * @param {number} serverPid @param {import('./workers.mjs').Worker[]} workers
 */
function cpuSnapshot(serverPid, workers) {
	const server = cpuSeconds(serverPid);
	const clients = workers.reduce((sum, w) => sum + cpuSeconds(/** @type {number} */ (w.pid)), 0);
	const self = process.cpuUsage();
	return { server, clients, other: machineBusySeconds() - server - clients - (self.user + self.system) / 1e6 };
}

/** @param {Record<number, number>[]} parts */
function sumByDoc(parts) {
	/** @type {Record<number, number>} */
	const total = {};
	for (const part of parts)
		for (const [doc, n] of Object.entries(part)) total[Number(doc)] = (total[Number(doc)] ?? 0) + n;
	return total;
}

/** Documents whose replicas all hold identical content. @param {Record<number, string[]>[]} parts @param {number} docs */
function convergedDocs(parts, docs) {
	let converged = 0;
	for (let d = 0; d < docs; d++) {
		const prints = parts.flatMap((p) => p[d] ?? []);
		if (prints.length > 0 && prints.every((p) => p === prints[0])) converged++;
	}
	return converged;
}

/**
 * Where the server and where the clients run: `--pin` puts the server on the last core, the capacity
 * scenario on core 0 (the clients and this harness on the others). @param {import('./options.mjs').Options} options
 * @returns {{ server: string, clients: string } | null}
 */
function placement(options) {
	if (!options.pin) return null;
	const last = os.cpus().length - 1;
	return { server: `${last}`, clients: last > 0 ? `0-${last - 1}` : '0' };
}

/**
 * @param {string} kind @param {import('./options.mjs').Scenario} scenario
 * @param {number} round @param {import('./options.mjs').Options} options
 * @param {{ server: string, clients: string } | null} [cores] overrides `--pin`
 * @returns {Promise<Result>}
 */
export async function measure(kind, scenario, round, options, cores = placement(options)) {
	const start = START[kind];
	if (!start) throw new Error(`unknown server kind ${kind}`);
	// Not under --profile: perf's own sampling would show up as the server's stalls.
	const probe = options.profile
		? null
		: stallProbe(`${kind}-${scenario.docs}x${scenario.clients}x${scenario.rate}-${round}`);
	const server = await start(probe?.extra);
	/** @type {import('./workers.mjs').Worker[]} */
	let workers = [];
	try {
		const rooms = await server.rooms(scenario.docs, scenario.clients);
		// From here on the peak RSS covers connections and editing, not start-up or account set-up.
		const peakIsWorkload = resetPeakRss(server.pid);
		const specs = rooms.flatMap((room, doc) =>
			room.cookies.map((cookie, slot) => ({
				protocol: server.protocol,
				url: server.url,
				room: room.room,
				cookie,
				doc,
				slot
			}))
		);
		workers = spawnWorkers(Math.min(options.workers, specs.length));
		if (cores) {
			pin(server.pid, cores.server);
			for (const pid of [process.pid, ...workers.map((w) => /** @type {number} */ (w.pid))]) pin(pid, cores.clients);
		}
		// Round robin, so the clients of one document sit in different processes.
		const shares = workers.map((_, w) => specs.filter((_, i) => i % workers.length === w));
		await Promise.all(
			workers.map((w, i) => request(w, { type: 'connect', clients: shares[i] }, 'connected', CONNECT_TIMEOUT_MS))
		);

		const startAt = now() + 500;
		const measureFrom = startAt + options.warmupS * 1000;
		const measureUntil = measureFrom + options.durationS * 1000;
		const runTimeout = measureUntil - now() + 30_000;
		const edited = Promise.all(
			workers.map((w) =>
				request(w, { type: 'run', startAt, measureFrom, measureUntil, rate: scenario.rate }, 'edited', runTimeout)
			)
		);
		await sleep(measureFrom - now());
		await probe?.ask(server.pid);
		const cpuFrom = cpuSnapshot(server.pid, workers);
		// A mark for profilers attached by hand (see BENCH_NODE_ARGS in --help): the window starts now.
		process.stderr.write(
			`  measured window starts at ${new Date(measureFrom).toISOString()} (server pid ${server.pid})\n`
		);
		const parts = options.profile ? profile(server.pid, options.durationS) : null;
		const counts = await edited;
		const stall = await probe?.ask(server.pid);
		const totals = sumByDoc(counts.map((c) => c.sent));
		const measuredEdits = sumByDoc(counts.map((c) => c.measured));
		const results = await Promise.all(
			workers.map((w) =>
				request(w, { type: 'drain', totals, timeoutMs: DRAIN_TIMEOUT_MS }, 'result', DRAIN_TIMEOUT_MS + 30_000)
			)
		);
		const cpuUntil = cpuSnapshot(server.pid, workers);
		const cpuS = cpuUntil.server - cpuFrom.server;
		const seconds = (now() - measureFrom) / 1000;

		const latency = latencySummary(results.map((r) => r.latencies));
		const edits = Object.values(measuredEdits).reduce((a, b) => a + b, 0);
		return {
			kind,
			label: server.label,
			scenario,
			round,
			edits,
			expected: edits * (scenario.clients - 1),
			received: latency.count,
			convergedDocs: convergedDocs(
				results.map((r) => r.fingerprints),
				scenario.docs
			),
			p50: latency.p50,
			p99: latency.p99,
			max: latency.max,
			cpuS,
			cpuPerDeliveryUs: (cpuS / latency.count) * 1e6,
			peakRssMiB: peakRssMiB(server.pid),
			peakIsWorkload,
			stallMaxMs: stall?.maxMs ?? NaN,
			stallP99Ms: stall?.p99Ms ?? NaN,
			reconnects: results.reduce((sum, r) => sum + r.reconnects, 0),
			seconds,
			clientCpuS: cpuUntil.clients - cpuFrom.clients,
			otherCpuS: cpuUntil.other - cpuFrom.other,
			timeline: timeline(
				results.map((r) => r.latencies),
				results.map((r) => r.sentAts),
				measureFrom
			),
			parts: await parts
		};
	} finally {
		await closeWorkers(workers);
		await server.stop();
		await probe?.remove();
	}
}

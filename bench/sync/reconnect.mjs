// Mass reconnect: every client of every document loses its socket at once (a café's wifi drops) and
// connects again at once, with its presence. Measured: the server's longest event-loop delay from
// just before the drop until every client is synced again, and how long that took.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { cpuSeconds, peakRssMiB } from './proc.mjs';
import { START } from './servers.mjs';
import { closeWorkers, request, spawnWorkers } from './workers.mjs';

const now = () => performance.timeOrigin + performance.now();
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const PROBE = pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'stall-probe.mjs')).href;
/** Edits each client makes before the drop, so the documents hold something to sync. */
const EDITS_BEFORE = 10;

/**
 * @typedef {{ kind: string, label: string, round: number, error?: string, clients: number, docs: number,
 *   stallMs: number, syncedMs: number, cpuS: number, peakRssMiB: number }} ReconnectResult
 */

/**
 * Asks the stall probe for its maximum since the last ask and waits for the answer.
 * @param {number} pid @param {string} file @param {number} asked how many asks came before
 */
async function askProbe(pid, file, asked) {
	process.kill(pid, 'SIGUSR2');
	const deadline = now() + 10_000;
	for (;;) {
		try {
			const report = JSON.parse(readFileSync(file, 'utf8'));
			if (report.asked > asked) return /** @type {{ asked: number, maxMs: number }} */ (report);
		} catch {
			// not written yet, or being written
		}
		if (now() > deadline) throw new Error('the stall probe did not answer within 10 s');
		await sleep(20);
	}
}

/**
 * @param {string} kind @param {number} round @param {{ docs: number, clients: number, workers: number }} shape
 * @returns {Promise<ReconnectResult>}
 */
export async function measureReconnect(kind, round, shape) {
	const start = START[kind];
	if (!start) throw new Error(`unknown server kind ${kind}`);
	const file = path.join(tmpdir(), `doetank-bench-stall-${process.pid}-${kind}-${round}.json`);
	const server = await start({ env: { BENCH_STALL_FILE: file }, nodeArgs: ['--import', PROBE] });
	/** @type {import('./workers.mjs').Worker[]} */
	let workers = [];
	try {
		const rooms = await server.rooms(shape.docs, shape.clients);
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
		workers = spawnWorkers(Math.min(shape.workers, specs.length));
		const shares = workers.map((_, w) => specs.filter((_, i) => i % workers.length === w));
		await Promise.all(workers.map((w, i) => request(w, { type: 'connect', clients: shares[i] }, 'connected', 60_000)));
		await Promise.all(workers.map((w) => request(w, { type: 'presence', edits: EDITS_BEFORE }, 'present', 30_000)));
		// Let the edits and presence spread and the server settle before the window opens.
		await sleep(2_000);
		await askProbe(server.pid, file, 0);
		const cpuFrom = cpuSeconds(server.pid);
		await sleep(100);
		const answers = await Promise.all(workers.map((w) => request(w, { type: 'drop' }, 'reconnected', 60_000)));
		const droppedAt = Math.min(...answers.map((a) => a.droppedAt));
		const syncedAt = Math.max(...answers.map((a) => a.lastSyncedAt));
		// The presence of the new sockets and the closing of the old ones may still be going on.
		await sleep(500);
		const stall = await askProbe(server.pid, file, 1);
		return {
			kind,
			label: server.label,
			round,
			clients: specs.length,
			docs: shape.docs,
			stallMs: stall.maxMs,
			syncedMs: syncedAt - droppedAt,
			cpuS: cpuSeconds(server.pid) - cpuFrom,
			peakRssMiB: peakRssMiB(server.pid)
		};
	} finally {
		await closeWorkers(workers);
		await server.stop();
		await rm(file, { force: true });
	}
}

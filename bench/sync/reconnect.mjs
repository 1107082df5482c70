// Mass reconnect: every client of every document loses its socket at once (a café's wifi drops) and
// connects again at once, with its presence. Measured: the server's longest event-loop delay from
// just before the drop until every client is synced again, and how long that took.
import { cpuSeconds, peakRssMiB } from './proc.mjs';
import { START } from './servers.mjs';
import { stallProbe } from './stall.mjs';
import { closeWorkers, request, spawnWorkers } from './workers.mjs';

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Edits each client makes before the drop, so the documents hold something to sync. */
const EDITS_BEFORE = 10;

/**
 * @typedef {{ kind: string, label: string, round: number, error?: string, clients: number, docs: number,
 *   stallMs: number, syncedMs: number, cpuS: number, peakRssMiB: number }} ReconnectResult
 */

/**
 * @param {string} kind @param {number} round @param {{ docs: number, clients: number, workers: number }} shape
 * @returns {Promise<ReconnectResult>}
 */
export async function measureReconnect(kind, round, shape) {
	const start = START[kind];
	if (!start) throw new Error(`unknown server kind ${kind}`);
	const probe = stallProbe(`reconnect-${kind}-${round}`);
	const server = await start(probe.extra);
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
		await probe.ask(server.pid);
		const cpuFrom = cpuSeconds(server.pid);
		await sleep(100);
		const answers = await Promise.all(workers.map((w) => request(w, { type: 'drop' }, 'reconnected', 60_000)));
		const droppedAt = Math.min(...answers.map((a) => a.droppedAt));
		const syncedAt = Math.max(...answers.map((a) => a.lastSyncedAt));
		// The presence of the new sockets and the closing of the old ones may still be going on.
		await sleep(500);
		const stall = await probe.ask(server.pid);
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
		await probe.remove();
	}
}

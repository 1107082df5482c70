// Cold load: one document gets N edits through the server (each its own update, as typing makes them),
// the server stops, a fresh process starts on the same data, and a first client connects. Measured:
// how long that first client waits for sync (cold) against a second client right after it (warm); the
// difference is the server loading the document. Ours also reports its own load time (/metrics).
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { connectClient } from './clients.mjs';
import { START } from './servers.mjs';

const now = () => performance.now();
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Edits sent before waiting for the server to pass them on: keeps the writer's socket buffer bounded. */
const CHUNK = 250;

/**
 * @typedef {{ kind: string, label: string, round: number, edits: number, error?: string, coldMs: number,
 *   warmMs: number, serverLoadMs: number | null, complete: boolean, writeS: number }} ColdResult
 */

/** Bytes under a folder, all files. @param {string} dir @returns {number} */
function folderBytes(dir) {
	return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
		const full = path.join(dir, entry.name);
		return sum + (entry.isDirectory() ? folderBytes(full) : statSync(full).size);
	}, 0);
}

/** Waits until the server's data stops changing for 2 s (at most 30 s): stores that write later have written. @param {string} dir */
async function settled(dir) {
	const deadline = now() + 30_000;
	let last = -1;
	let since = now();
	while (now() < deadline) {
		const size = folderBytes(dir);
		if (size !== last) [last, since] = [size, now()];
		else if (now() - since >= 2_000) return;
		await sleep(200);
	}
}

/** Time from creating a client to its first sync, and the client. @param {import('./clients.mjs').ClientSpec} spec */
async function timedSync(spec) {
	const from = now();
	const client = connectClient(spec);
	await Promise.race([client.synced, sleep(60_000).then(() => Promise.reject(new Error('no sync within 60 s')))]);
	return { ms: now() - from, client };
}

/** The sum of our server's load-time histogram: with one load since start, that load's time. @param {string} base */
async function serverLoadMs(base) {
	const text = await (await fetch(`${base}/metrics`)).text();
	const sum = text.match(/^doetank_sync_document_load_seconds_sum (\S+)$/m);
	return sum ? Number(sum[1]) * 1000 : null;
}

/** One writer types `edits` changes, an observer waits until the server has passed them all on. @param {import('./clients.mjs').ClientSpec} writerSpec @param {import('./clients.mjs').ClientSpec} observerSpec @param {number} edits */
async function write(writerSpec, observerSpec, edits) {
	const writer = connectClient(writerSpec);
	const observer = connectClient(observerSpec);
	await Promise.all([writer.synced, observer.synced]);
	const text = writer.doc.getText('probleemdefinitie');
	const me = writer.doc.clientID;
	for (let done = 0; done < edits;) {
		for (const end = Math.min(edits, done + CHUNK); done < end; done++) {
			const length = text.length;
			if (length > 40 && done % 10 === 9) text.delete((done * 7919) % (length - 4), 1 + (done % 4));
			else text.insert((done * 104729) % (length + 1), `w${done % 97} `);
		}
		const target = Y.getState(writer.doc, me);
		const deadline = now() + 60_000;
		while (Y.getState(observer.doc, me) < target) {
			if (now() > deadline) throw new Error(`the server passed on ${Y.getState(observer.doc, me)} of ${target}`);
			await sleep(5);
		}
	}
	const finalText = text.toString();
	writer.destroy();
	observer.destroy();
	return finalText;
}

/** @param {string} kind @param {number} round @param {number} edits @returns {Promise<ColdResult>} */
export async function measureColdLoad(kind, round, edits) {
	const start = START[kind];
	if (!start) throw new Error(`unknown server kind ${kind}`);
	const first = await start({ keep: true });
	const dataDir = first.dataDir;
	if (!dataDir) {
		await first.stop();
		throw new Error(`${kind} keeps nothing: cold load needs a durable server`);
	}
	/** @type {import('./servers.mjs').RunningServer | null} */
	let second = null;
	try {
		const [room] = await first.rooms(1, 4);
		if (!room) throw new Error('no room');
		/** @param {import('./servers.mjs').RunningServer} server @param {number} slot */
		const spec = (server, slot) => ({
			protocol: server.protocol,
			url: server.url,
			room: room.room,
			cookie: room.cookies[slot] ?? null
		});
		const writeFrom = now();
		const expected = await write(spec(first, 0), spec(first, 1), edits);
		const writeS = (now() - writeFrom) / 1000;
		await settled(dataDir);
		await first.stop();
		second = await start({ dataDir });
		const cold = await timedSync(spec(second, 2));
		const warm = await timedSync(spec(second, 3));
		const complete = cold.client.doc.getText('probleemdefinitie').toString() === expected;
		cold.client.destroy();
		warm.client.destroy();
		return {
			kind,
			label: second.label,
			round,
			edits,
			coldMs: cold.ms,
			warmMs: warm.ms,
			serverLoadMs: second.base ? await serverLoadMs(second.base) : null,
			complete,
			writeS
		};
	} finally {
		if (second) await second.stop();
		else await first.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

// Cold load: one document gets N edits through the server (each its own update, as typing makes them),
// the server stops, a fresh process starts on the same data, and a first client connects. Measured:
// how long that first client waits for the whole document (cold) against a second client right after it
// (warm); the
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

/**
 * A document left alone: the server's data has not changed for 12 s (at most 60 s in all). That is
 * longer than Hocuspocus's longest store debounce (10 s) and our unload grace (10 s, after which we
 * fold the log), so every server has stored what it stores for a document nobody has open.
 * @param {string} dir
 */
async function settled(dir) {
	const deadline = now() + 60_000;
	let last = -1;
	let since = now();
	while (now() < deadline) {
		const size = folderBytes(dir);
		if (size !== last) [last, since] = [size, now()];
		else if (now() - since >= 12_000) return;
		await sleep(200);
	}
}

/**
 * Time from creating a client until it holds the whole document: synced and the text the writer
 * ended with. A server may answer the first sync before its storage has loaded and send the stored
 * content afterwards (the reference with y-leveldb does), so sync alone does not mean complete.
 * Null ms when it is not complete within 30 s.
 * @param {import('./clients.mjs').ClientSpec} spec @param {string} expected
 */
async function timedLoad(spec, expected) {
	const from = now();
	const client = connectClient(spec);
	const text = client.doc.getText('probleemdefinitie');
	const deadline = from + 30_000;
	let synced = false;
	void client.synced.then(() => (synced = true));
	while (!(synced && text.length === expected.length && text.toString() === expected) && now() < deadline)
		await sleep(2);
	const complete = now() < deadline;
	client.destroy();
	return { ms: complete ? now() - from : NaN, complete };
}

/** The sum of our server's load-time histogram: with one load since start, that load's time. @param {string} base */
async function serverLoadMs(base) {
	const text = await (await fetch(`${base}/metrics`)).text();
	const sum = text.match(/^doetank_sync_document_load_seconds_sum (\S+)$/m);
	return sum ? Number(sum[1]) * 1000 : null;
}

/** Characters the document holds while it is revised: its size stays the same, its history grows. */
const KEPT_LENGTH = 2_000;

/**
 * A document being revised: words typed one after another at a caret that moves every 20 edits, and
 * once the text is past its size, every other edit deletes 8 characters elsewhere. Its content stays
 * about the same size whatever its lifetime; only its history (the log, and the deleted items a
 * snapshot keeps as tombstones) grows with the number of edits. Returns edit number `i`.
 * @param {Y.Text} text
 */
function reviser(text) {
	let caret = 0;
	return (/** @type {number} */ i) => {
		const length = text.length;
		if (i % 20 === 0) caret = (i * 7919) % (length + 1);
		if (length > KEPT_LENGTH && i % 2 === 1) {
			const at = (i * 104729) % (length - 12);
			text.delete(at, 8);
			if (at < caret) caret = Math.max(at, caret - 8);
		} else {
			const word = `w${i % 97} `;
			caret = Math.min(caret, length);
			text.insert(caret, word);
			caret += word.length;
		}
	};
}

/** One writer types `edits` changes, an observer waits until the server has passed them all on. @param {import('./clients.mjs').ClientSpec} writerSpec @param {import('./clients.mjs').ClientSpec} observerSpec @param {number} edits */
async function write(writerSpec, observerSpec, edits) {
	const writer = connectClient(writerSpec);
	const observer = connectClient(observerSpec);
	try {
		await Promise.all([writer.synced, observer.synced]);
		const text = writer.doc.getText('probleemdefinitie');
		const me = writer.doc.clientID;
		const revise = reviser(text);
		for (let done = 0; done < edits;) {
			for (const end = Math.min(edits, done + CHUNK); done < end; done++) revise(done);
			const target = Y.getState(writer.doc.store, me);
			const deadline = now() + 60_000;
			while (Y.getState(observer.doc.store, me) < target) {
				if (now() > deadline)
					throw new Error(`the server passed on ${Y.getState(observer.doc.store, me)} of ${target} items`);
				await sleep(5);
			}
		}
		return text.toString();
	} finally {
		writer.destroy();
		observer.destroy();
	}
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
		const cold = await timedLoad(spec(second, 2), expected);
		const warm = await timedLoad(spec(second, 3), expected);
		const complete = cold.complete && warm.complete;
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

// Client process: hosts a share of the simulated editors and measures what they observe.
// Driven by the harness over IPC: connect → run → drain → close, or (reconnect.mjs) connect → presence → drop → close.
import { createHash } from 'node:crypto';
import { connectClient } from './clients.mjs';

// Every y-websocket provider registers a process 'exit' listener; dozens of clients per process are intended.
process.setMaxListeners(0);

/** A wall-clock timestamp with sub-millisecond resolution, comparable across processes on this machine. */
const now = () => performance.timeOrigin + performance.now();
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (/** @type {object} */ message) => /** @type {NonNullable<typeof process.send>} */ (process.send)(message);

/**
 * @typedef {import('./clients.mjs').ClientSpec & { doc: number, slot: number }} EditorSpec
 * @typedef {{ spec: EditorSpec, doc: number, slot: number, client: import('./clients.mjs').Client,
 *   text: import('yjs').Text, marks: import('yjs').Map<number>, seq: number }} Editor
 */

/** @type {Editor[]} */
let editors = [];
/** Edits stamped inside [from, until) are measured; the rest is warm-up or cool-down. */
const span = { from: Infinity, until: Infinity };
/** Propagation latencies (ms) of measured edits, one per delivery to another client, and when each edit was sent. */
const latencies = [];
/** @type {number[]} */
const sentAts = [];

/** @param {Editor} editor */
function observe(editor) {
	editor.marks.observe((event) => {
		if (event.transaction.local) return;
		const at = now();
		for (const key of event.keysChanged) {
			const sentAt = editor.marks.get(key);
			if (key.startsWith(`${editor.slot}:`) || sentAt === undefined) continue;
			if (sentAt < span.from || sentAt >= span.until) continue;
			latencies.push(Math.round((at - sentAt) * 100) / 100);
			sentAts.push(sentAt);
		}
	});
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz ';
const word = () =>
	Array.from({ length: 1 + Math.floor(Math.random() * 6) }, () => LETTERS[Math.floor(Math.random() * 27)]).join('');

/** One keystroke-sized change of the text plus its timing mark, in one transaction (one update). @param {Editor} editor */
function edit(editor) {
	const sentAt = now();
	editor.client.doc.transact(() => {
		const length = editor.text.length;
		if (length > 40 && Math.random() < 0.1)
			editor.text.delete(Math.floor(Math.random() * (length - 4)), 1 + Math.floor(Math.random() * 4));
		else editor.text.insert(Math.floor(Math.random() * (length + 1)), word());
		editor.marks.set(`${editor.slot}:${++editor.seq}`, sentAt);
	});
}

/** Edits at a fixed rate from a random phase; a late timer catches up so the offered load stays constant. */
function editLoop(/** @type {Editor} */ editor, /** @type {number} */ startAt, /** @type {number} */ period) {
	let next = startAt + Math.random() * period;
	return new Promise((resolve) => {
		const tick = () => {
			while (next < span.until && next <= now()) {
				edit(editor);
				next += period;
			}
			if (next >= span.until) resolve(undefined);
			else setTimeout(tick, next - now());
		};
		setTimeout(tick, next - now());
	});
}

/** @param {EditorSpec} spec @returns {Editor} */
function editor(spec) {
	const client = connectClient(spec);
	/** @type {Editor} */
	const made = {
		spec,
		doc: spec.doc,
		slot: spec.slot,
		client,
		text: client.doc.getText('probleemdefinitie'),
		marks: client.doc.getMap('marks'),
		seq: 0
	};
	observe(made);
	return made;
}

/** Content fingerprint of one replica; map entries sorted because their order follows arrival. @param {Editor} e */
function fingerprint(e) {
	const marks = [...e.marks.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
	return createHash('sha256')
		.update(JSON.stringify([e.text.toString(), marks]))
		.digest('hex');
}

/**
 * Waits until every replica holds all edits made in its document, or the timeout passes (what is
 * still missing then counts as lost). @param {Record<number, number>} totals
 */
async function drain(totals, /** @type {number} */ timeoutMs) {
	const deadline = now() + timeoutMs;
	while (!editors.every((e) => e.marks.size >= (totals[e.doc] ?? 0)) && now() < deadline) await sleep(20);
}

/** What a workspace page announces: who, where and a caret. @param {Editor} e */
const presenceOf = (e) => ({
	user: { name: `client ${e.slot}`, color: '#30bced' },
	section: 'probleemdefinitie',
	cursor: { anchor: e.text.length, head: e.text.length }
});

/** @param {Record<number, number>} counts @param {number} doc */
const bump = (counts, doc) => (counts[doc] = (counts[doc] ?? 0) + 1);

process.on('message', async (/** @type {any} */ message) => {
	try {
		if (message.type === 'connect') {
			editors = message.clients.map(editor);
			await Promise.all(editors.map((e) => e.client.synced));
			send({ type: 'connected' });
		} else if (message.type === 'run') {
			Object.assign(span, { from: message.measureFrom, until: message.measureUntil });
			await Promise.all(editors.map((e) => editLoop(e, message.startAt, 1000 / message.rate)));
			/** @type {Record<number, number>} */ const sent = {};
			/** @type {Record<number, number>} */ const measured = {};
			for (const e of editors) {
				for (const [key, sentAt] of e.marks.entries()) {
					if (!key.startsWith(`${e.slot}:`)) continue;
					bump(sent, e.doc);
					if (sentAt >= span.from && sentAt < span.until) bump(measured, e.doc);
				}
			}
			send({ type: 'edited', sent, measured });
		} else if (message.type === 'drain') {
			await drain(message.totals, message.timeoutMs);
			/** @type {Record<number, string[]>} */ const fingerprints = {};
			for (const e of editors) (fingerprints[e.doc] ??= []).push(fingerprint(e));
			const reconnects = editors.reduce((sum, e) => sum + e.client.reconnects(), 0);
			send({ type: 'result', latencies, sentAts, fingerprints, reconnects });
		} else if (message.type === 'presence') {
			for (const e of editors) for (let i = 0; i < message.edits; i++) edit(e);
			for (const e of editors) e.client.presence(presenceOf(e));
			send({ type: 'present' });
		} else if (message.type === 'drop') {
			// Every socket of this process is cut at once, then each replica connects again with its presence.
			const droppedAt = now();
			const clocks = editors.map((e) => e.client.clock());
			for (const e of editors) e.client.drop();
			for (const [i, e] of editors.entries()) {
				e.client = connectClient(e.spec, e.client.doc, clocks[i]);
				e.client.presence(presenceOf(e));
			}
			let lastSyncedAt = droppedAt;
			await Promise.all(editors.map((e) => e.client.synced.then(() => (lastSyncedAt = Math.max(lastSyncedAt, now())))));
			send({ type: 'reconnected', droppedAt, lastSyncedAt });
		} else if (message.type === 'close') {
			for (const e of editors) e.client.destroy();
			process.exit(0);
		}
	} catch (err) {
		send({ type: 'error', message: err instanceof Error ? err.stack : String(err) });
	}
});

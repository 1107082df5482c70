import fc from 'fast-check';
import type WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	CLOSE,
	encodeAwareness,
	encodeSaved,
	encodeSync,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SAVED,
	SYNC_STEP1,
	SYNC_STEP2,
	SYNC_UPDATE
} from '../../server/sync/protocol';
import { startServer, type TestServer } from './helpers/server';
import {
	awarenessUpdate,
	closeCode,
	connectPeer,
	createRoom,
	openRawSocket,
	savedAnswer,
	serverWithRoom,
	sessionOf,
	sleep,
	until,
	WS_CLOSE,
	type SyncPeer,
	type SyncRoom
} from './helpers/sync-client';

const MAX_MESSAGE_BYTES = 64 * 1024;
const LANES = 4;
const RUNS = 400;
const FRAMES_PER_RUN = 25;

/** What the server must do with a frame: stay open, or close with one of these codes. */
type Expected = 'open' | 'openOrBad' | 'bad' | 'badText' | 'tooBig';
interface Frame {
	kind: string;
	data: Uint8Array | string;
	/** Send bytes as a text frame. */
	text: boolean;
	/** Instead of `data`: an edit the lane's author document makes and sends. */
	edit?: Edit;
	expected: Expected;
	/**
	 * ws itself rejects the frame (too big, invalid UTF-8) as soon as it arrives, ahead of messages
	 * still being handled; such a frame is only sent after everything before it was answered.
	 */
	early: boolean;
}
type Outcome = 'open' | number;

/** A well-formed message as its payload and the envelope around it, so payloads can be mutated alone. */
interface Template {
	payload: Uint8Array;
	wrap(payload: Uint8Array): Uint8Array;
}

/** Well-formed y-websocket messages of every kind a client may send. */
function templates(): Template[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	doc.getText('fuzz-text').insert(0, 'Voor wie is dit een probleem?');
	doc.getText('fuzz-text').format(0, 4, { bold: true });
	doc.getText('fuzz-text').delete(5, 3);
	doc.getMap('fuzz-map').set('opdrachtgever', { naam: 'Gemeente', rollen: ['trekker', 'lid'] });
	doc.getArray('fuzz-array').push([new Y.Map(), 42, 'tekst', new Uint8Array([1, 2, 3])]);
	doc.getXmlFragment('fuzz-xml').insert(0, [new Y.XmlElement('paragraph'), new Y.XmlText('kern')]);
	const sync = (sub: number, payload: Uint8Array): Template => ({ payload, wrap: (p) => encodeSync(sub, p) });
	const awareness = (payload: Uint8Array): Template => ({ payload, wrap: encodeAwareness });
	const bare = (message: number[]): Template => ({ payload: new Uint8Array(message), wrap: (p) => p });
	return [
		...updates.map((u) => sync(SYNC_UPDATE, u)),
		sync(SYNC_STEP2, Y.encodeStateAsUpdate(doc)),
		sync(SYNC_STEP1, Y.encodeStateVector(doc)),
		sync(SYNC_STEP1, Y.encodeStateVector(new Y.Doc())),
		awareness(awarenessUpdate(7_000_001, 1, { user: { name: 'Fuzz', color: '#ff0000' } })),
		awareness(awarenessUpdate(7_000_002, 3, null)),
		bare([MESSAGE_QUERY_AWARENESS]),
		// The server's own "saved" probe (type 101 with a number).
		bare(Array.from(encodeSaved(42)))
	];
}
const TEMPLATES = templates();
const VALID = TEMPLATES.map((t) => t.wrap(t.payload));

const position = fc.nat({ max: 1 << 16 });
const mutation = fc.oneof(
	fc.record({ op: fc.constant('set' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
	fc.record({ op: fc.constant('truncate' as const), at: position }),
	fc.record({ op: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
	fc.record({ op: fc.constant('remove' as const), at: position, length: fc.integer({ min: 1, max: 8 }) })
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
	const at = m.at % (bytes.length + 1);
	const copy = Array.from(bytes);
	if (m.op === 'set') copy[Math.min(at, copy.length - 1)] = m.byte;
	else if (m.op === 'truncate') copy.length = at;
	else if (m.op === 'insert') copy.splice(at, 0, ...m.bytes);
	else copy.splice(at, m.length);
	return new Uint8Array(copy);
}

const concat = (a: ArrayLike<number>, b: ArrayLike<number>) => new Uint8Array([...Array.from(a), ...Array.from(b)]);

/** A random edit; each lane turns it into a valid update of its own author document. */
const edit = fc.record({
	at: fc.nat(),
	text: fc.string({ maxLength: 40 }),
	key: fc.string({ maxLength: 8 }),
	value: fc.jsonValue({ maxDepth: 2 })
});
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

const frame: fc.Arbitrary<Frame> = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...VALID).map((data) => makeFrame('valid', data, 'open')) },
	{ weight: 4, arbitrary: edit.map((e) => makeFrame('edit', new Uint8Array(), 'open', { edit: e })) },
	{
		// A mutated payload in an intact envelope reaches the Yjs and awareness decoders.
		weight: 12,
		arbitrary: fc
			.tuple(fc.constantFrom(...TEMPLATES), fc.array(mutation, { minLength: 1, maxLength: 2 }))
			.map(([t, ms]) => makeFrame('mutated payload', t.wrap(ms.reduce(mutate, t.payload)), 'openOrBad'))
	},
	{
		weight: 2,
		arbitrary: fc
			.tuple(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 3 }))
			.map(([base, ms]) => makeFrame('mutated', ms.reduce(mutate, base), 'openOrBad'))
	},
	{ weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }).map((data) => makeFrame('random', data, 'openOrBad')) },
	{
		// Random bytes behind a known message type get past the first decoding step.
		weight: 2,
		arbitrary: fc
			.tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [1], [3], [MESSAGE_SAVED]), fc.uint8Array({ maxLength: 200 }))
			.map(([head, tail]) => makeFrame('typed', concat(head, tail), 'openOrBad'))
	},
	{ weight: 2, arbitrary: fc.string({ maxLength: 80 }).map((data) => makeFrame('text', data, 'bad')) },
	{
		// Random bytes as a text frame: ws itself answers invalid UTF-8 with 1007 (RFC 6455).
		weight: 1,
		arbitrary: fc
			.uint8Array({ minLength: 1, maxLength: 80 })
			.map((data) => makeFrame('text bytes', data, 'badText', { text: true }))
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.integer({ min: MAX_MESSAGE_BYTES + 1, max: MAX_MESSAGE_BYTES + 16 * 1024 }), fc.constantFrom(...VALID))
			.map(([size, head]): Frame => {
				const data = new Uint8Array(size);
				data.set(head.subarray(0, Math.min(head.length, size)));
				return makeFrame('oversize', data, 'tooBig');
			})
	}
);

/** A frame that prints briefly in a counterexample (oversize frames are 64 KiB long). */
function makeFrame(
	kind: string,
	data: Uint8Array | string,
	expected: Expected,
	{ text = false, edit }: { text?: boolean; edit?: Edit } = {}
): Frame {
	const shown =
		edit !== undefined
			? JSON.stringify(edit)
			: typeof data === 'string'
				? JSON.stringify(data)
				: `${Buffer.from(data.subarray(0, 48)).toString('hex')}… (${data.length} bytes)`;
	const early = expected === 'tooBig' || expected === 'badText';
	return { kind, data, text, edit, expected, early, [fc.toStringMethod]: () => `${kind} ${shown}` } as Frame;
}

function allowed(expected: Expected, outcome: Outcome): boolean {
	if (expected === 'open') return outcome === 'open';
	if (expected === 'openOrBad') return outcome === 'open' || outcome === CLOSE.badMessage;
	if (expected === 'bad') return outcome === CLOSE.badMessage;
	if (expected === 'badText') return outcome === CLOSE.badMessage || outcome === WS_CLOSE.invalidText;
	return outcome === WS_CLOSE.tooBig;
}

/**
 * One authenticated raw socket that is reopened after every close. Each frame is followed by a
 * `saved` probe with a number of this lane's own range: the server handles a socket's messages in
 * order, so a probe that comes back means the frame before it left the socket open, and a close
 * before it comes back was caused by that frame.
 */
class FuzzLane {
	private ws: WebSocket | null = null;
	private clock = 0;
	private answered = 0;
	private closedWith: number | null = null;
	private wake: () => void = () => {};
	/** One writing client per lane: random edits without a new client id each (which makes every later transaction slower). */
	private readonly author = new Y.Doc();
	cases = 0;

	/** `base + n` is the n-th probe; far above any number a fuzzed frame is likely to echo. */
	constructor(
		private readonly base: number,
		private readonly open: () => Promise<WebSocket>
	) {}

	async run(frames: Frame[]): Promise<Array<{ frame: Frame; outcome: Outcome }>> {
		const results: Array<{ frame: Frame; outcome: Outcome }> = [];
		let next = 0;
		while (next < frames.length) {
			const ws = this.ws ?? (await this.connect());
			let end = next + 1;
			while (end < frames.length && !frames[end]!.early) end++;
			const clocks: number[] = [];
			for (const f of frames.slice(next, end)) {
				ws.send(f.edit ? this.write(f.edit) : f.data, { binary: typeof f.data !== 'string' && !f.text });
				clocks.push(++this.clock);
				ws.send(encodeSaved(this.base + this.clock));
			}
			await this.waitFor(() => this.answered >= this.clock || this.closedWith !== null);
			const passed = clocks.filter((c) => c <= this.answered).length;
			for (const f of frames.slice(next, next + passed)) results.push({ frame: f, outcome: 'open' });
			next += passed;
			if (next < end) {
				await this.waitFor(() => this.closedWith !== null);
				results.push({ frame: frames[next]!, outcome: this.closedWith! });
				next++;
				this.ws = null;
			}
		}
		this.cases += results.length;
		return results;
	}

	/** Applies the edit to the author document; its full state is always a valid, integrable update. */
	private write({ at, text, key, value }: Edit): Uint8Array {
		const t = this.author.getText('fuzz-text');
		t.insert(at % (t.length + 1), text);
		if (t.length > 200) t.delete(200, t.length - 200);
		this.author.getMap('fuzz-map').set(key, value);
		return encodeSync(SYNC_UPDATE, Y.encodeStateAsUpdate(this.author));
	}

	/** Waits, woken by every message and close, until `done` holds. */
	private async waitFor(done: () => boolean): Promise<void> {
		const deadline = Date.now() + 10_000;
		while (!done()) {
			if (Date.now() > deadline)
				throw new Error('the server neither answered a probe nor closed the socket within 10 s');
			await new Promise<void>((resolve) => {
				this.wake = resolve;
				setTimeout(resolve, 100);
			});
		}
	}

	private async connect(): Promise<WebSocket> {
		const ws = await this.open();
		this.closedWith = null;
		ws.on('message', (data: Buffer) => {
			const n = (savedAnswer(new Uint8Array(data)) ?? 0) - this.base;
			if (n > 0 && n <= this.clock) this.answered = Math.max(this.answered, n);
			this.wake();
		});
		// A refused frame may end in a reset connection; the close event reports it.
		ws.on('error', () => {});
		ws.once('close', (code: number) => {
			this.closedWith = code;
			this.wake();
		});
		this.ws = ws;
		return ws;
	}

	close(): void {
		this.ws?.close();
	}
}

interface Writer extends SyncPeer {
	markers: Y.Array<string>;
	made: number;
}

/** Two members who keep editing one Doetank until `stop` is set. */
function editingPair(base: string, room: SyncRoom, label: string, state: { stop: boolean }) {
	const writers: Writer[] = [room.owner, room.members[0]!].map((who) => {
		const peer = connectPeer(base, sessionOf(who), room.doetankId);
		return { ...peer, markers: peer.doc.getArray<string>('markers'), made: 0 };
	});
	const typing = writers.map(async (w, i) => {
		await until(() => w.provider.synced, `${label} writer synced`);
		while (!state.stop) {
			w.markers.push([`${label}-${i}-${w.made++}`]);
			await sleep(20 + Math.random() * 20);
		}
	});
	return { writers, typing: Promise.all(typing) };
}

/** Fails with the process's own last words when the server is gone. */
function expectRunning(server: TestServer): void {
	if (!server.running) throw new Error(`the server process died; its output ends with:\n${server.output.slice(-3000)}`);
}

/** A fresh member's edit reaches an already connected member: the server still serves. */
async function expectServing(server: TestServer, room: SyncRoom): Promise<void> {
	const a = connectPeer(server.baseUrl, sessionOf(room.owner), room.doetankId);
	const b = connectPeer(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
	try {
		await until(() => a.provider.synced && b.provider.synced, 'two members synced');
		b.doc.getText('check').insert(0, 'nog steeds');
		await until(() => a.doc.getText('check').toString().includes('nog steeds'), 'an edit reached the other member');
	} finally {
		a.provider.destroy();
		b.provider.destroy();
	}
	expectRunning(server);
	expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
}

describe('frames that ws itself refuses', () => {
	const fixture = serverWithRoom({ SYNC_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) }, 'Weigeren', 1, { each: true });

	it.each([
		['a message over SYNC_MAX_MESSAGE_BYTES', new Uint8Array(MAX_MESSAGE_BYTES + 1), false, WS_CLOSE.tooBig],
		['a text frame that is not UTF-8', new Uint8Array([0xff, 0xfe, 0xc3]), true, WS_CLOSE.invalidText]
	])('closes the socket that sends %s and keeps serving everyone else', async (_name, data, text, code) => {
		const { server, room } = fixture;
		const ws = await openRawSocket(server.baseUrl, sessionOf(room.members[0]!), room.doetankId);
		ws.on('error', () => {});
		const closed = closeCode(ws);
		ws.send(data, { binary: !text });
		const got = await closed;
		await sleep(200);
		expectRunning(server);
		expect(got).toBe(code);
		await expectServing(server, room);
	});
});

describe('sync server under a socket fuzzer', () => {
	let server: TestServer;
	let target: SyncRoom;
	let quiet: SyncRoom;
	const pairs: Array<ReturnType<typeof editingPair>> = [];

	beforeAll(async () => {
		// The fuzzing clients share a busy test process (npm test runs it beside the browser tests): the
		// 4 s heartbeat would drop them for a late pong, which is not what this test is about.
		server = await startServer({
			ramDisk: true,
			env: { SYNC_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), SYNC_HEARTBEAT_MS: '30000' }
		});
		target = await createRoom(server.baseUrl, 'Fuzz', LANES);
		quiet = await createRoom(server.baseUrl, 'Rustig', 1);
	});
	afterAll(async () => {
		for (const pair of pairs) for (const w of pair.writers) w.provider.destroy();
		await server?.stop();
	});

	it('answers 10,000 fuzzed frames by staying open or closing with 4400/1009 (1007 for non-UTF-8 text), never crashes, and members keep converging', async () => {
		const state = { stop: false };
		pairs.push(editingPair(server.baseUrl, target, 'fuzz', state), editingPair(server.baseUrl, quiet, 'rustig', state));
		const lanes = target.members.map(
			(who, i) => new FuzzLane((i + 1) * 2 ** 40, () => openRawSocket(server.baseUrl, sessionOf(who), target.doetankId))
		);

		try {
			await fc.assert(
				fc.asyncProperty(fc.array(frame, { minLength: FRAMES_PER_RUN, maxLength: FRAMES_PER_RUN }), async (frames) => {
					const results = await Promise.all(
						lanes.map((lane, i) => lane.run(frames.filter((_, n) => n % LANES === i)))
					).catch(async (err: unknown) => {
						await sleep(200);
						expectRunning(server);
						throw err;
					});
					for (const { frame: f, outcome } of results.flat()) {
						if (!allowed(f.expected, outcome))
							throw new Error(`${f.kind} frame: got ${outcome}, expected ${f.expected}`);
					}
				}),
				{ numRuns: RUNS, endOnFailure: true }
			);
		} finally {
			state.stop = true;
			for (const lane of lanes) lane.close();
		}

		expect(lanes.reduce((n, lane) => n + lane.cases, 0)).toBeGreaterThanOrEqual(10_000);
		expectRunning(server);
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);

		for (const pair of pairs) {
			await pair.typing;
			const [a, b] = pair.writers as [Writer, Writer];
			await until(
				() => a.markers.length === a.made + b.made && b.markers.length === a.made + b.made,
				'the pair converged'
			);
			expect(a.markers.toArray()).toEqual(b.markers.toArray());
			expect(a.made).toBeGreaterThan(0);
		}
	}, 300_000);
});

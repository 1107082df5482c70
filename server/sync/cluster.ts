import { fromBase64, toBase64 } from 'lib0/buffer';
import { Counter, Gauge, type Registry } from 'prom-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Database } from '$lib/server/db/client';
import { readLogAfter } from '$lib/server/db/doc-log';
import type { Logger } from '$lib/server/logger';
import { REMOTE_ORIGIN, type Bus } from '$lib/server/scale/bus';
import type { InstanceRoster } from '$lib/server/scale/instances';
import { decodeAwarenessEntries, encodeAwarenessEntries } from './awareness';
import { hasMissingDependencies } from './dependencies';
import type { LiveDocument } from './documents';
import type { Peer } from './fanout';
import { SeqSet } from './seq-set';

export interface ClusterOptions {
	/** A gap in the sequence (or an update waiting for what it builds on) older than this is filled from the log (SCALE_CATCH_UP_MS). */
	catchUpMs: number;
	/**
	 * Updates from other instances one document may keep waiting for what they build on, and their
	 * bytes (SCALE_MAX_WAITING_UPDATES, SCALE_MAX_WAITING_BYTES). Past either, what waits is dropped
	 * and the log is read at once: every published update was logged first, so the log has them all.
	 */
	maxWaitingUpdates: number;
	maxWaitingBytes: number;
}

/** An update another instance logged (`s`, `u`), or an awareness change of its clients (`a`); `i` says who sent it. */
type Message = { i: string; s: number; u: string } | { i: string; a: string };

/** Stands for the other instances when what they sent goes to the local peers (it is none of them). */
const REMOTE_PEER: Peer = { deliver: () => false, ownAwareness: () => undefined };

/**
 * The owner of an awareness client id that lives on another instance, shaped like the connection
 * fields `SyncConnection.forwardAwareness` looks at: only a socket of the same user may take it over.
 */
interface RemoteOwner {
	closed: false;
	identity: { userId: string };
	awarenessIds: Set<number>;
}

interface Follower {
	id: string;
	/** Null while the document loads: messages wait in `buffer` until it is ready... */
	live: LiveDocument | null;
	buffer: Message[];
	/** ...within the bounds on what waits (their raw bytes); past them they were dropped, and the log is read once loaded. */
	bufferBytes: number;
	bufferDropped: boolean;
	seqs: SeqSet;
	/** Updates from other instances that build on one that has not arrived yet, by sequence number... */
	waiting: Map<number, Uint8Array>;
	/** ...and their bytes together. */
	waitingBytes: number;
	/** Awareness client ids each other instance introduced. */
	remoteIds: Map<string, Set<number>>;
	timer: ReturnType<typeof setTimeout> | null;
	catching: Promise<void> | null;
	again: boolean;
	onMessage(raw: string): void;
	onAwareness(changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void;
}

const channelOf = (doetankId: string) => `doc:${doetankId}`;

/**
 * Several instances serving the same documents (REDIS_URL). Each instance logs what its clients
 * send (write-ahead, as alone) and then publishes it with its sequence number on the document's
 * channel; the others apply it and pass it to their clients. The sequence numbers (one log, one
 * numbering: the database assigns them) say what a live document contains, so nothing is applied
 * twice and a gap (a message lost while Redis was away, or still on its way) is filled from the log.
 * A document that loads subscribes first and reads the log second, so nothing falls between them.
 * Awareness travels the same channel; an instance that is gone takes its clients' presence with it.
 */
export class SyncCluster {
	private readonly followers = new Map<string, Follower>();
	private readonly metrics;
	private readonly stops: (() => void)[] = [];

	constructor(
		private readonly bus: Bus,
		roster: InstanceRoster,
		private readonly db: Database,
		private readonly log: Logger,
		registry: Registry,
		private readonly options: ClusterOptions
	) {
		const followers = this.followers;
		this.metrics = {
			up: new Gauge({
				name: 'doetank_redis_up',
				help: '1 while this instance reaches Redis (multi-instance mode); 0 while it serves its own clients only (degraded).',
				registers: [registry],
				collect() {
					this.set(bus.state === 'ok' ? 1 : 0);
				}
			}),
			remote: new Counter({
				name: 'doetank_cluster_updates_total',
				help: 'Updates from other instances: applied, duplicate (already contained), held (waiting for what they build on), dropped (held past SCALE_MAX_WAITING_*: read from the log instead), from_log (applied while catching up from the log).',
				labelNames: ['result'] as const,
				registers: [registry]
			}),
			waitingBytes: new Gauge({
				name: 'doetank_cluster_waiting_bytes',
				help: 'Bytes of updates from other instances waiting for what they build on or for their document to load, over all documents (each bounded by SCALE_MAX_WAITING_BYTES).',
				registers: [registry],
				collect() {
					let bytes = 0;
					for (const f of followers.values()) bytes += f.waitingBytes + f.bufferBytes;
					this.set(bytes);
				}
			}),
			catchUps: new Counter({
				name: 'doetank_cluster_catch_ups_total',
				help: 'Reads of the update log to fill a gap in what a live document holds (or to resynchronise after Redis returned).',
				registers: [registry]
			})
		};
		this.stops.push(
			bus.onState((state) => {
				if (state !== 'ok') return;
				// Whatever crossed the bus meanwhile is lost for this instance: the log has all of it.
				for (const f of this.followers.values()) void this.catchUp(f);
			}),
			roster.onGone((instanceId) => this.dropInstance(instanceId)),
			roster.onJoined(() => {
				for (const f of this.followers.values()) this.announceAwareness(f);
			})
		);
	}

	/** Before a document is read from the log: from now on its channel is heard (and buffered). */
	async follow(doetankId: string): Promise<void> {
		const f: Follower = {
			id: doetankId,
			live: null,
			buffer: [],
			bufferBytes: 0,
			bufferDropped: false,
			seqs: new SeqSet(0),
			waiting: new Map(),
			waitingBytes: 0,
			remoteIds: new Map(),
			timer: null,
			catching: null,
			again: false,
			onMessage: (raw) => {
				const message = JSON.parse(raw) as Message;
				if (message.i === this.bus.instanceId) return;
				if (f.live) return this.receive(f, message);
				f.buffer.push(message);
				f.bufferBytes += raw.length;
				if (f.buffer.length > this.options.maxWaitingUpdates || f.bufferBytes > this.options.maxWaitingBytes) {
					// A slow load under a flood must not grow memory either: the log has every update.
					this.metrics.remote.inc({ result: 'dropped' }, f.buffer.length);
					f.buffer = [];
					f.bufferBytes = 0;
					f.bufferDropped = true;
				}
			},
			onAwareness: (changes, origin) => {
				if (origin === REMOTE_ORIGIN || !f.live) return;
				const ids = [...changes.added, ...changes.updated, ...changes.removed].filter((id) => !isRemote(f, id));
				if (ids.length > 0) this.publishAwareness(f, ids);
			}
		};
		this.followers.set(doetankId, f);
		await this.bus.subscribe(channelOf(doetankId), f.onMessage);
	}

	/** The document is loaded: it holds the log up to `lastSeq`; what arrived meanwhile is applied now. */
	loaded(live: LiveDocument, lastSeq: number): void {
		const f = this.followers.get(live.id);
		if (!f) return;
		f.live = live;
		f.seqs = new SeqSet(lastSeq);
		live.appliedSeq = lastSeq;
		live.awareness.on('update', f.onAwareness);
		const buffered = f.buffer.sort((a, b) => ('s' in a ? a.s : 0) - ('s' in b ? b.s : 0));
		f.buffer = [];
		f.bufferBytes = 0;
		for (const message of buffered) this.receive(f, message);
		if (f.bufferDropped) void this.catchUp(f);
		f.bufferDropped = false;
	}

	unfollow(doetankId: string): void {
		const f = this.followers.get(doetankId);
		if (!f) return;
		this.followers.delete(doetankId);
		if (f.timer) clearTimeout(f.timer);
		f.live?.awareness.off('update', f.onAwareness);
		this.bus.unsubscribe(channelOf(doetankId), f.onMessage);
	}

	/** A local client's update is durable as `seq` and applied: the others get it. */
	logged(live: LiveDocument, seq: number, update: Uint8Array): void {
		const f = this.followers.get(live.id);
		if (!f) return;
		f.seqs.add(seq);
		live.appliedSeq = f.seqs.watermark;
		this.bus.publish(channelOf(live.id), JSON.stringify({ i: this.bus.instanceId, s: seq, u: toBase64(update) }));
		if (f.seqs.hasGap) this.scheduleCatchUp(f);
	}

	/** A local client's update builds on content this instance lacks: fill from the log now. */
	lacking(live: LiveDocument): void {
		const f = this.followers.get(live.id);
		if (f) void this.catchUp(f);
	}

	close(): void {
		for (const stop of this.stops) stop();
		for (const id of [...this.followers.keys()]) this.unfollow(id);
	}

	private receive(f: Follower, message: Message): void {
		if ('a' in message) return this.receiveAwareness(f, message.i, fromBase64(message.a));
		if (f.seqs.has(message.s)) return void this.metrics.remote.inc({ result: 'duplicate' });
		const update = fromBase64(message.u);
		if (hasMissingDependencies(f.live!.doc, Y.decodeUpdate(update))) {
			// Logged in order, so what it builds on has a lower number: it is on its way, or in the log.
			this.wait(f, message.s, update);
			this.metrics.remote.inc({ result: 'held' });
			if (f.waiting.size > this.options.maxWaitingUpdates || f.waitingBytes > this.options.maxWaitingBytes) {
				// A flood (or a long outage's backlog) must not grow memory: the log has all of it.
				this.metrics.remote.inc({ result: 'dropped' }, f.waiting.size);
				this.clearWaiting(f);
				return void this.catchUp(f);
			}
			return this.scheduleCatchUp(f);
		}
		this.apply(f, message.s, update);
		this.metrics.remote.inc({ result: 'applied' });
		this.retryWaiting(f);
		if (f.seqs.hasGap) this.scheduleCatchUp(f);
	}

	private apply(f: Follower, seq: number, update: Uint8Array): void {
		const live = f.live!;
		Y.applyUpdate(live.doc, update, REMOTE_ORIGIN);
		live.state.grew(update.byteLength);
		f.seqs.add(seq);
		live.appliedSeq = f.seqs.watermark;
		live.fanout.update(update, REMOTE_PEER);
	}

	private wait(f: Follower, seq: number, update: Uint8Array): void {
		f.waitingBytes += update.byteLength - (f.waiting.get(seq)?.byteLength ?? 0);
		f.waiting.set(seq, update);
	}

	private unwait(f: Follower, seq: number, update: Uint8Array): void {
		f.waiting.delete(seq);
		f.waitingBytes -= update.byteLength;
	}

	private clearWaiting(f: Follower): void {
		f.waiting.clear();
		f.waitingBytes = 0;
	}

	private retryWaiting(f: Follower): void {
		for (const seq of [...f.waiting.keys()].sort((a, b) => a - b)) {
			const update = f.waiting.get(seq)!;
			if (f.seqs.has(seq)) this.unwait(f, seq, update);
			else if (!hasMissingDependencies(f.live!.doc, Y.decodeUpdate(update))) {
				this.unwait(f, seq, update);
				this.apply(f, seq, update);
			}
		}
	}

	private scheduleCatchUp(f: Follower): void {
		f.timer ??= setTimeout(() => {
			f.timer = null;
			if (f.seqs.hasGap || f.waiting.size > 0) void this.catchUp(f);
		}, this.options.catchUpMs);
	}

	/** Reads what the document lacks from the log (one at a time per document, again if asked meanwhile). */
	private catchUp(f: Follower): Promise<void> {
		if (f.catching) {
			f.again = true;
			return f.catching;
		}
		f.catching = (async () => {
			do {
				f.again = false;
				await this.readTail(f);
			} while (f.again && this.followers.get(f.id) === f);
		})()
			.catch((err: unknown) => {
				this.log.error({ err, doetankId: f.id }, 'sync: catching up from the log failed; retried on the next gap');
			})
			.finally(() => (f.catching = null));
		return f.catching;
	}

	private async readTail(f: Follower): Promise<void> {
		const live = f.live;
		if (!live) return;
		this.metrics.catchUps.inc();
		const tail = await readLogAfter(this.db, f.id, f.seqs.watermark);
		if (f.live !== live || this.followers.get(f.id) !== f) return;
		// Only the content that is new here goes to the clients, as one update.
		const news: Uint8Array[] = [];
		const collect = (update: Uint8Array, origin: unknown) => {
			if (origin === REMOTE_ORIGIN) news.push(update);
		};
		live.doc.on('update', collect);
		try {
			if (tail.snapshot) {
				Y.applyUpdate(live.doc, tail.snapshot.state, REMOTE_ORIGIN);
				f.seqs.addThrough(tail.snapshot.seq);
			}
			for (const { seq, update } of tail.updates) {
				if (f.seqs.has(seq)) continue;
				try {
					Y.applyUpdate(live.doc, update, REMOTE_ORIGIN);
					this.metrics.remote.inc({ result: 'from_log' });
				} catch (err) {
					this.log.error({ err, doetankId: f.id, seq }, 'sync: skipped a logged update that could not be applied');
				}
			}
			const last = tail.updates.at(-1)?.seq;
			if (last !== undefined) f.seqs.addThrough(last);
		} finally {
			live.doc.off('update', collect);
		}
		live.appliedSeq = f.seqs.watermark;
		if (news.length > 0) {
			const update = Y.mergeUpdates(news);
			live.state.grew(update.byteLength);
			live.fanout.update(update, REMOTE_PEER);
		}
		this.retryWaiting(f);
	}

	private publishAwareness(f: Follower, ids: number[]): void {
		const update = awarenessProtocol.encodeAwarenessUpdate(f.live!.awareness, ids);
		this.bus.publish(channelOf(f.id), JSON.stringify({ i: this.bus.instanceId, a: toBase64(update) }));
	}

	/** Announces every local client's presence again (a new instance, or Redis is back). */
	private announceAwareness(f: Follower): void {
		if (!f.live) return;
		const ids = [...f.live.awareness.getStates().keys()].filter((id) => !isRemote(f, id));
		if (ids.length > 0) this.publishAwareness(f, ids);
	}

	private receiveAwareness(f: Follower, instanceId: string, update: Uint8Array): void {
		const live = f.live!;
		let ids = f.remoteIds.get(instanceId);
		if (!ids) f.remoteIds.set(instanceId, (ids = new Set()));
		// A client id a local socket holds now (the client moved here) is this instance's to say.
		const entries = decodeAwarenessEntries(update).filter((e) => {
			const owner = live.awarenessOwners.get(e.clientId);
			return !owner || isRemoteOwner(owner);
		});
		for (const entry of entries) {
			if (entry.state === 'null') {
				ids.delete(entry.clientId);
				live.awarenessOwners.delete(entry.clientId);
				continue;
			}
			ids.add(entry.clientId);
			const userId = (JSON.parse(entry.state) as { user?: { id?: unknown } }).user?.id;
			live.awarenessOwners.set(entry.clientId, remoteOwner(String(userId)));
		}
		if (entries.length > 0)
			awarenessProtocol.applyAwarenessUpdate(live.awareness, encodeAwarenessEntries(entries), REMOTE_ORIGIN);
	}

	/** An instance is gone: the presence of its clients goes too (they come back through another one). */
	private dropInstance(instanceId: string): void {
		for (const f of this.followers.values()) {
			const ids = f.remoteIds.get(instanceId);
			f.remoteIds.delete(instanceId);
			if (!ids || !f.live) continue;
			const owners = f.live.awarenessOwners;
			const gone = [...ids].filter((id) => isRemoteOwner(owners.get(id)));
			for (const id of gone) owners.delete(id);
			awarenessProtocol.removeAwarenessStates(f.live.awareness, gone, REMOTE_ORIGIN);
		}
	}
}

const REMOTE_OWNER = Symbol('remote owner');

function remoteOwner(userId: string): RemoteOwner {
	return Object.assign(
		{ closed: false as const, identity: { userId }, awarenessIds: new Set<number>() },
		{ [REMOTE_OWNER]: true }
	);
}

function isRemoteOwner(owner: unknown): owner is RemoteOwner {
	return typeof owner === 'object' && owner !== null && REMOTE_OWNER in owner;
}

function isRemote(f: Follower, clientId: number): boolean {
	return isRemoteOwner(f.live?.awarenessOwners.get(clientId));
}

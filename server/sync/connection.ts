import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { decodeAwarenessEntries, encodeAwarenessEntries, trustedState } from './awareness';
import type { LiveDocument } from './documents';
import { addsNothing, hasMissingDependencies } from './dependencies';
import type { AwarenessChanges, Peer } from './fanout';
import type { AwarenessLimiter, UserLimits } from './limits';
import { Outbox } from './outbox';
import {
	CLOSE,
	decodeClientMessage,
	type ClientMessage,
	encodeAlive,
	encodeAwareness,
	encodeSaved,
	encodeStatus,
	encodeSync,
	encodeSyncHeader,
	SYNC_STEP1,
	SYNC_STEP2,
	type PersistenceState
} from './protocol';
import type { UpdateLog } from './update-log';

/** A connection may introduce this many awareness client ids (a y-websocket client uses one per document). */
const MAX_AWARENESS_IDS = 4;

/** Multi-instance: how often a held update looks whether what it builds on has arrived. */
const HOLD_POLL_MS = 25;

export interface ConnectionIdentity {
	userId: string;
	name: string;
	sessionId: string;
	doetankId: string;
	canWrite: boolean;
}

export interface ConnectionOptions {
	log: UpdateLog;
	/** A client that stops reading is dropped when this much is waiting to be sent to it. */
	maxBufferedBytes: number;
	/** Multi-instance: how long an update may be held for content another instance logged (SCALE_HOLD_MS). */
	holdMs: number;
	/** Messages, and their bytes, that may wait behind an update (see `backlog`); past either the socket is closed with 4508. */
	maxBacklog: { messages: number; bytes: number };
	/** The update budget and socket count of every user. */
	users: UserLimits;
	/** This connection's bound on awareness messages. */
	awareness: AwarenessLimiter;
	/** An update arrived: accepted, or dropped (read-only role, it builds on content the server lacks, or the document is full). */
	onUpdate?(result: 'accepted' | 'dropped_readonly' | 'dropped_incomplete' | 'refused_full'): void;
	/** An awareness message was dropped (too large or too fast). */
	onAwarenessDropped?(): void;
	/** An accepted update was applied and handed to every other connection, taking `ms`. */
	onBroadcast?(ms: number): void;
	/** The client's own awareness state changed (or went away: null). */
	onPresence?(state: unknown): void;
	/** An accepted update is durable as `seq` and applied (multi-instance: it goes to the other instances). */
	onLogged?(live: LiveDocument, seq: number, update: Uint8Array): void;
	/**
	 * Multi-instance: an update builds on content this instance lacks, which another instance may have
	 * logged; the update is held (see `hold`) and this asks for the log to be read.
	 */
	lacking?(live: LiveDocument): void;
	onClosed(connection: SyncConnection, code: number): void;
}

/**
 * One websocket on one Doetank document. Messages are handled strictly in arrival order;
 * an update is applied and broadcast only after the write-ahead log has made it durable.
 */
export class SyncConnection implements Peer {
	/** Updates of this client the log has not yet made durable. */
	private unsaved = 0;
	/** Steps that arrived while an update was waiting for the log; they run after it, in order... */
	private backlog: (() => void)[] = [];
	/** ...and the bytes of the messages among them. */
	private backlogBytes = 0;
	private readonly awarenessIds = new Set<number>();
	private readonly outbox: Outbox;
	private closed = false;
	/** A malformed message's refusal is queued: later messages are ignored. */
	private refusing = false;
	/** The newest awareness message that came faster than the rate, and the timer that sends it on. */
	private deferredAwareness: Uint8Array | null = null;
	private deferTimer: ReturnType<typeof setTimeout> | null = null;
	/** The client answers `alive` (the workspace client does; plain y-websocket clients do not). */
	private answersAlive = false;
	/** The number of the last `alive` ask, and whether the client echoed it. */
	private beat = 0;
	private answeredAlive = true;

	constructor(
		private readonly ws: WebSocket,
		readonly live: LiveDocument,
		readonly identity: ConnectionIdentity,
		private readonly options: ConnectionOptions
	) {
		this.outbox = new Outbox(ws, options.maxBufferedBytes);
		live.fanout.peers.add(this);
		ws.on('message', (data: Buffer, isBinary: boolean) => this.receive(isBinary ? data : null, data.byteLength));
		// ws reports protocol violations (too large, invalid UTF-8) as an 'error' and then closes the
		// socket itself with 1009 / 1007; without a listener that error would end the whole process.
		ws.on('error', () => this.close(CLOSE.badMessage, 'protocol error'));
		ws.on('close', (code: number) => {
			this.closed = true;
			// Leave only after every message already received has been handled (and logged).
			this.inOrder(() => this.cleanup(code));
		});
		this.send(encodeSync(SYNC_STEP1, Y.encodeStateVector(live.doc)));
		const states = [...live.awareness.getStates().keys()];
		if (states.length > 0) this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(live.awareness, states)));
	}

	/**
	 * Takes a message as it arrives. An update is charged to its user's budget here, before it may
	 * wait behind the log: a flood meets the budget at once (4529, and the client backs off), not the
	 * backlog's bound. What waited is dropped with the socket; the client still holds it, and its
	 * sync step 2 after the reconnect brings it again. A malformed message is refused in order
	 * (what came before it is still handled), and nothing after it counts.
	 */
	private receive(data: Uint8Array | null, bytes: number): void {
		if (this.closed || this.refusing) return;
		let message: ClientMessage;
		try {
			if (!data) throw new Error('text frames are not part of the protocol');
			message = decodeClientMessage(data);
		} catch {
			return this.refuse(CLOSE.badMessage, 'malformed message');
		}
		// Every role is charged, read-only ones too: their updates are dropped, but each costs a read.
		if (
			message.kind === 'update' &&
			!this.options.users.chargeUpdate(this.identity.userId, message.update.byteLength)
		) {
			return this.close(CLOSE.updateBudget, 'update budget spent; try again later');
		}
		if (this.unsaved > 0 && !this.roomInBacklog(bytes)) return;
		this.inOrder(() => this.handle(message), bytes);
	}

	private refuse(code: number, reason: string): void {
		this.refusing = true;
		this.inOrder(() => this.close(code, reason));
	}

	/** Runs a step now, or after the updates still waiting for the log when there are any. */
	private inOrder(step: () => void, bytes = 0): void {
		if (this.unsaved > 0) {
			this.backlog.push(bytes > 0 ? () => ((this.backlogBytes -= bytes), step()) : step);
			this.backlogBytes += bytes;
		} else this.guarded(step);
	}

	/**
	 * Whether one more message may wait behind the update in progress. A client that keeps sending
	 * while the log is slow or an update is held would otherwise grow this socket's memory without
	 * bound: past the bound it is closed (4508) and what waited is dropped; the reconnect's sync
	 * step 2 brings the client's changes again.
	 */
	private roomInBacklog(bytes: number): boolean {
		if (this.closed) return false;
		const { messages, bytes: maxBytes } = this.options.maxBacklog;
		if (this.backlog.length < messages && this.backlogBytes + bytes <= maxBytes) return true;
		this.close(CLOSE.backlogFull, 'too many messages while an update waits');
		this.backlog = [];
		this.backlogBytes = 0;
		return false;
	}

	/** A failing step ends this connection only, never the order or the process. */
	private guarded(step: () => void): void {
		try {
			step();
		} catch {
			this.close(CLOSE.badMessage, 'message could not be applied');
		}
	}

	/** Runs what waited behind updates that are durable now, until the next update has to wait. */
	private runBacklog(): void {
		while (this.unsaved === 0 && this.backlog.length > 0) this.guarded(this.backlog.shift()!);
	}

	/** Downgrades this connection after access changed; its presence shows the new role. */
	restrict(canWrite: boolean): void {
		if (canWrite === this.identity.canWrite) return;
		this.identity.canWrite = canWrite;
		const { awareness } = this.live;
		const entries = [...this.awarenessIds].flatMap((clientId) => {
			const state = awareness.getStates().get(clientId);
			const meta = awareness.meta.get(clientId);
			// A newer clock than the client's own, so every peer takes it; the client then renews its own.
			return state && meta
				? [{ clientId, clock: meta.clock + 1, state: trustedState(this.identity, JSON.stringify(state)) }]
				: [];
		});
		if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessEntries(entries), this);
	}

	/**
	 * One heartbeat: a client that answers `alive` but left the previous ask unanswered is gone
	 * (network dropped, tab frozen) and is dropped, which removes its presence; the others are asked again.
	 */
	heartbeat(): void {
		// Asks wait behind what is being sent; the send-buffer bound deals with a client that stopped reading.
		if (!this.answersAlive || this.closed || this.outbox.pending) return;
		if (!this.answeredAlive) {
			this.closed = true;
			this.outbox.stop();
			this.ws.terminate();
			return;
		}
		this.answeredAlive = false;
		this.beat++;
		this.send(encodeAlive(this.beat));
	}

	/** Tells the client whether its changes are reaching the database. */
	reportPersistence(state: PersistenceState): void {
		this.send(encodeStatus(state));
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		// Closed from this moment: ws keeps delivering frames until the close handshake ends (up to
		// 30 s for a client that ignores it), and none of them may be applied any more.
		this.closed = true;
		this.outbox.stop();
		this.ws.close(code, reason);
	}

	private handle(message: ClientMessage): void {
		if (this.closed) return;
		switch (message.kind) {
			case 'syncStep1':
				return this.answerStep1(message.stateVector);
			case 'update':
				return this.acceptUpdate(message.update);
			case 'awareness':
				return this.acceptAwareness(message.update);
			case 'alive':
				this.answersAlive = true;
				if (message.beat === this.beat) this.answeredAlive = true;
				return;
			case 'saved':
				// Messages are handled in order and updates only complete once durable, so everything
				// this client sent before the probe is stored by now.
				this.send(encodeSaved(message.probe));
				return;
			case 'queryAwareness':
				this.send(
					encodeAwareness(
						awarenessProtocol.encodeAwarenessUpdate(this.live.awareness, [...this.live.awareness.getStates().keys()])
					)
				);
				return;
		}
	}

	/**
	 * Answers a client's state vector with what it lacks. A small difference goes out as a normal
	 * message; a large one (a new client: the whole document) as the document's shared encoded
	 * state, streamed, so it costs this connection no copy of its own (see Outbox).
	 */
	private answerStep1(stateVector: Uint8Array): void {
		const { doc, state } = this.live;
		// A client without any content needs everything: no copy of its own, not even for a moment.
		const diff = Y.decodeStateVector(stateVector).size > 0 ? Y.encodeStateAsUpdate(doc, stateVector) : state.full();
		if (diff.byteLength <= this.options.maxBufferedBytes / 4) {
			this.send(encodeSync(SYNC_STEP2, diff));
			return;
		}
		this.outbox.stream(() => {
			const body = state.full();
			return { header: encodeSyncHeader(SYNC_STEP2, body.byteLength), body };
		});
	}

	/**
	 * Forwards an awareness message within the connection's bounds, only for client ids this
	 * connection introduced (or that another connection of the same user held), and with the
	 * identity replaced by the session's (see trustedState).
	 */
	private acceptAwareness(update: Uint8Array): void {
		const verdict = this.options.awareness.admit(update.byteLength);
		if (verdict === 'close') return this.close(CLOSE.awarenessFlood, 'awareness messages too large or too fast');
		if (verdict === 'drop') {
			this.options.onAwarenessDropped?.();
			return;
		}
		if (verdict === 'defer') return this.deferAwareness(update);
		// Newer than anything deferred: the deferred message would only be ignored as older.
		this.deferredAwareness = null;
		this.forwardAwareness(update);
	}

	/** Keeps only the newest too-fast message and forwards it as soon as the rate allows. */
	private deferAwareness(update: Uint8Array): void {
		this.deferredAwareness = update;
		this.deferTimer ??= setTimeout(() => {
			this.deferTimer = null;
			const deferred = this.deferredAwareness;
			if (!deferred || this.closed) return;
			if (!this.options.awareness.release()) return this.deferAwareness(deferred);
			this.deferredAwareness = null;
			this.forwardAwareness(deferred);
		}, this.options.awareness.retryMs);
	}

	private forwardAwareness(update: Uint8Array): void {
		let entries;
		try {
			entries = decodeAwarenessEntries(update).map((e) => ({ ...e, state: trustedState(this.identity, e.state) }));
		} catch {
			return this.close(CLOSE.badMessage, 'malformed awareness update');
		}
		const owners = this.live.awarenessOwners;
		const mine = entries.filter((e) => {
			const owner = owners.get(e.clientId) as SyncConnection | undefined;
			if (owner === this) return true;
			if (owner && !owner.closed && owner.identity.userId !== this.identity.userId) return false;
			return e.state !== 'null' && this.awarenessIds.size < MAX_AWARENESS_IDS;
		});
		if (mine.length > 0)
			awarenessProtocol.applyAwarenessUpdate(this.live.awareness, encodeAwarenessEntries(mine), this);
	}

	/** An update, already charged to its user's budget (see `receive`). */
	private acceptUpdate(update: Uint8Array): void {
		if (!this.identity.canWrite) {
			// Read-only roles still receive everything; their writes are neither applied, stored nor sent on.
			this.options.onUpdate?.('dropped_readonly');
			return;
		}
		let decoded;
		try {
			decoded = Y.decodeUpdate(update);
		} catch {
			return this.close(CLOSE.badMessage, 'malformed update');
		}
		if (hasMissingDependencies(this.live.doc, decoded)) {
			if (this.options.lacking) return this.hold(update);
			// Dropped, not stored: a real client sends what it builds on with its sync step 2,
			// which follows; anything else would stay pending and slow every later edit.
			this.options.onUpdate?.('dropped_incomplete');
			return;
		}
		// A client's sync step 2 mostly repeats what the document holds: nothing to store or send on.
		if (addsNothing(this.live.doc, decoded)) return;
		this.logUpdate(update);
	}

	/**
	 * Multi-instance: a client that moved here from another instance may build on content this one
	 * has not received yet. The update waits (one at a time: later messages wait behind it, like
	 * behind the log, within `maxBacklog`) until the content arrived, for at most `holdMs`; then the
	 * socket is closed with 4509, and the client's reconnect syncs everything afresh.
	 */
	private hold(update: Uint8Array): void {
		const until = performance.now() + this.options.holdMs;
		this.unsaved++;
		this.options.lacking!(this.live);
		const retry = () => {
			const ready = !this.closed && !hasMissingDependencies(this.live.doc, Y.decodeUpdate(update));
			if (!ready && !this.closed && performance.now() < until) return void setTimeout(retry, HOLD_POLL_MS);
			this.unsaved--;
			if (ready) this.guarded(() => this.logUpdate(update));
			else if (!this.closed) {
				this.options.onUpdate?.('dropped_incomplete');
				this.close(CLOSE.incomplete, 'update builds on content this server has not received');
			}
			this.runBacklog();
		};
		setTimeout(retry, HOLD_POLL_MS);
	}

	private logUpdate(update: Uint8Array): void {
		if (!this.live.state.admit(update.byteLength)) {
			// Not applied, stored or sent on; the sender is told, everyone else carries on.
			this.options.onUpdate?.('refused_full');
			this.send(encodeStatus({ refused: 'documentFull' }));
			return;
		}
		this.unsaved++;
		this.options.log.append(this.live.id, update, this.identity.userId, (seq) => {
			this.unsaved--;
			this.guarded(() => this.publish(update, seq));
			this.runBacklog();
		});
	}

	/** Applies a durable update to the live document and sends it to every other client. */
	private publish(update: Uint8Array, seq: number): void {
		this.options.onUpdate?.('accepted');
		const started = performance.now();
		this.live.state.settle(update.byteLength);
		Y.applyUpdate(this.live.doc, update, this);
		this.live.appliedSeq = seq;
		this.live.fanout.update(update, this);
		this.options.onLogged?.(this.live, seq, update);
		this.options.onBroadcast?.(performance.now() - started);
	}

	deliver(message: Uint8Array): boolean {
		return this.send(message);
	}

	ownAwareness(changes: AwarenessChanges): void {
		const owners = this.live.awarenessOwners;
		for (const id of [...changes.added, ...changes.updated]) {
			const previous = owners.get(id) as SyncConnection | undefined;
			if (previous && previous !== this) previous.awarenessIds.delete(id);
			owners.set(id, this);
			this.awarenessIds.add(id);
		}
		for (const id of changes.removed) {
			if (owners.get(id) === this) owners.delete(id);
			this.awarenessIds.delete(id);
		}
		const own = [...this.awarenessIds].map((id) => this.live.awareness.getStates().get(id)).find((s) => s);
		this.options.onPresence?.(own ?? null);
	}

	private send(message: Uint8Array): boolean {
		if (this.closed) return false;
		const sent = this.outbox.send(message);
		// Cut off for not reading: nothing it sends from now on counts.
		if (!sent && this.ws.readyState !== this.ws.OPEN) this.closed = true;
		return sent;
	}

	private cleanup(code: number): void {
		this.outbox.stop();
		if (this.deferTimer) clearTimeout(this.deferTimer);
		this.deferredAwareness = null;
		this.live.fanout.peers.delete(this);
		const owned = [...this.awarenessIds].filter((id) => this.live.awarenessOwners.get(id) === this);
		for (const id of owned) this.live.awarenessOwners.delete(id);
		// Out of the fan-out's peers by now, so the removal goes to everyone else (with the turn's other changes).
		awarenessProtocol.removeAwarenessStates(this.live.awareness, owned, this);
		this.options.onClosed(this, code);
	}
}

import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { LiveDocument } from './documents';
import { hasMissingDependencies } from './dependencies';
import type { AwarenessChanges, Peer } from './fanout';
import {
	CLOSE,
	decodeClientMessage,
	encodeAwareness,
	encodeSaved,
	encodeStatus,
	encodeSync,
	SYNC_STEP1,
	SYNC_STEP2,
	type PersistenceState
} from './protocol';
import type { UpdateLog } from './update-log';

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
	/** An update arrived: accepted, or dropped (read-only role, or it builds on content the server lacks). */
	onUpdate?(result: 'accepted' | 'dropped_readonly' | 'dropped_incomplete'): void;
	/** An accepted update was applied and handed to every other connection, taking `ms`. */
	onBroadcast?(ms: number): void;
	/** The client's own awareness state changed (or went away: null). */
	onPresence?(state: unknown): void;
	onClosed(connection: SyncConnection, code: number): void;
}

/**
 * One websocket on one Doetank document. Messages are handled strictly in arrival order;
 * an update is applied and broadcast only after the write-ahead log has made it durable.
 */
export class SyncConnection implements Peer {
	/** Updates of this client the log has not yet made durable. */
	private unsaved = 0;
	/** Steps that arrived while an update was waiting for the log; they run after it, in order. */
	private readonly backlog: (() => void)[] = [];
	private readonly awarenessIds = new Set<number>();
	private closed = false;

	constructor(
		private readonly ws: WebSocket,
		readonly live: LiveDocument,
		readonly identity: ConnectionIdentity,
		private readonly options: ConnectionOptions
	) {
		live.fanout.peers.add(this);
		ws.on('message', (data: Buffer, isBinary: boolean) => this.inOrder(() => this.handle(isBinary ? data : null)));
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

	/** Runs a step now, or after the updates still waiting for the log when there are any. */
	private inOrder(step: () => void): void {
		if (this.unsaved > 0) this.backlog.push(step);
		else this.guarded(step);
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

	/** Downgrades or ends this connection after access changed. */
	restrict(canWrite: boolean): void {
		this.identity.canWrite = canWrite;
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
		this.ws.close(code, reason);
	}

	private handle(data: Uint8Array | null): void {
		if (this.closed) return;
		let message;
		try {
			if (!data) throw new Error('text frames are not part of the protocol');
			message = decodeClientMessage(data);
		} catch {
			return this.close(CLOSE.badMessage, 'malformed message');
		}
		switch (message.kind) {
			case 'syncStep1':
				this.send(encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(this.live.doc, message.stateVector)));
				return;
			case 'update':
				return this.acceptUpdate(message.update);
			case 'awareness':
				try {
					awarenessProtocol.applyAwarenessUpdate(this.live.awareness, message.update, this);
				} catch {
					this.close(CLOSE.badMessage, 'malformed awareness update');
				}
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
		// A client's sync step 2 is often empty: nothing to store or send on.
		if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
		if (hasMissingDependencies(this.live.doc, decoded)) {
			// Dropped, not stored: a real client sends what it builds on with its sync step 2,
			// which follows; anything else would stay pending and slow every later edit.
			this.options.onUpdate?.('dropped_incomplete');
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
		Y.applyUpdate(this.live.doc, update, this);
		this.live.appliedSeq = seq;
		this.live.fanout.update(update, this);
		this.options.onBroadcast?.(performance.now() - started);
	}

	deliver(message: Uint8Array): boolean {
		return this.send(message);
	}

	ownAwareness(changes: AwarenessChanges): void {
		for (const id of changes.added) this.awarenessIds.add(id);
		for (const id of changes.removed) this.awarenessIds.delete(id);
		const own = [...this.awarenessIds].map((id) => this.live.awareness.getStates().get(id)).find((s) => s);
		this.options.onPresence?.(own ?? null);
	}

	private send(message: Uint8Array): boolean {
		if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
		if (this.ws.bufferedAmount > this.options.maxBufferedBytes) {
			this.closed = true;
			this.ws.terminate();
			return false;
		}
		this.ws.send(message);
		return true;
	}

	private cleanup(code: number): void {
		this.live.fanout.peers.delete(this);
		awarenessProtocol.removeAwarenessStates(this.live.awareness, [...this.awarenessIds], null);
		this.options.onClosed(this, code);
	}
}

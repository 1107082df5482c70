import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwareness, encodeSync, SYNC_UPDATE } from './protocol';

export interface AwarenessChanges {
	added: number[];
	updated: number[];
	removed: number[];
}

/**
 * The origin of awareness entries removed because their connection closed. Their removal goes to
 * the others once the closes that arrived together are handled (see Fanout.depart).
 */
export const DEPARTURE = Symbol('departure');

/** A connection as the fan-out sees it. */
export interface Peer {
	/** Queues a message for the client; false when the peer could not take it. */
	deliver(message: Uint8Array): boolean;
	/** Awareness entries that this peer's own messages added or removed. */
	ownAwareness(changes: AwarenessChanges): void;
}

/**
 * Sends every change of one document to its peers. Each update and awareness change is encoded
 * once and the same bytes go to every peer, so the cost per change does not grow with the
 * square of the number of clients.
 *
 * Updates are passed on as the client sent them (the bytes the log stored), not re-encoded from
 * the document's transaction: the connection checked that they apply completely, so the result
 * for every peer is the same, and the server saves encoding each update a second time.
 */
export class Fanout {
	readonly peers = new Set<Peer>();
	/** Entries of connections that closed, not yet sent on; and the flush that will send them. */
	private departed: number[] = [];
	private departFlush: NodeJS.Immediate | null = null;

	constructor(
		private readonly awareness: awarenessProtocol.Awareness,
		private readonly onDelivered?: (count: number) => void
	) {
		awareness.on('update', this.onAwareness);
	}

	destroy(): void {
		this.awareness.off('update', this.onAwareness);
		if (this.departFlush) clearImmediate(this.departFlush);
		this.peers.clear();
	}

	/** Sends an update that `origin` made to every other peer. */
	update(update: Uint8Array, origin: Peer): void {
		if (this.peers.size === 0 || (this.peers.size === 1 && this.peers.has(origin))) return;
		const message = encodeSync(SYNC_UPDATE, update);
		let delivered = 0;
		for (const peer of this.peers) if (peer !== origin && peer.deliver(message)) delivered++;
		this.onDelivered?.(delivered);
	}

	private readonly onAwareness = (changes: AwarenessChanges, origin: unknown): void => {
		if (this.peers.has(origin as Peer)) (origin as Peer).ownAwareness(changes);
		if (this.peers.size === 0) return;
		if (origin === DEPARTURE) return this.depart(changes.removed);
		this.send([...changes.added, ...changes.updated, ...changes.removed]);
	};

	/**
	 * When a café's wifi drops, hundreds of sockets close in one turn of the event loop. Sending each
	 * departure at once would cost one message per remaining peer per close, mostly to sockets whose
	 * own close is next in line (a write that fails). Collected until the loop's next check phase,
	 * they go out as one message per document to the peers still open then.
	 */
	private depart(ids: number[]): void {
		this.departed.push(...ids);
		this.departFlush ??= setImmediate(() => {
			const ids = this.departed;
			this.departed = [];
			this.departFlush = null;
			if (this.peers.size > 0) this.send(ids);
		});
	}

	private send(ids: number[]): void {
		const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
		for (const peer of this.peers) peer.deliver(message);
	}
}

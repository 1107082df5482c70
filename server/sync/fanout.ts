import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwareness, encodeSync, SYNC_UPDATE } from './protocol';

export interface AwarenessChanges {
	added: number[];
	updated: number[];
	removed: number[];
}

/**
 * How long a presence renewal may wait. Every client re-sends its unchanged presence every 15 s so
 * that it does not time out (after 30 s); clients that connected together (a café's wifi came
 * back) renew together, and sent on one by one each renewal costs a message to every peer. Held
 * back this long, the renewals of one document go out as one message.
 */
export const RENEWAL_FLUSH_MS = 1_000;

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
	/** Awareness entries that changed in this turn of the event loop, not yet sent on; and the flush that will send them. */
	private readonly pending = new Set<number>();
	private pendingFlush: NodeJS.Immediate | null = null;
	/** Entries renewed without a change, not yet sent on; and the timer that will send them. */
	private readonly renewed = new Set<number>();
	private renewFlush: NodeJS.Timeout | null = null;
	/** The entries whose state changed in the awareness update being handled ('change' comes just before 'update'). */
	private changed: number[] | null = null;

	constructor(
		private readonly awareness: awarenessProtocol.Awareness,
		private readonly onDelivered?: (count: number) => void
	) {
		awareness.on('change', this.onChange);
		awareness.on('update', this.onAwareness);
	}

	destroy(): void {
		this.awareness.off('change', this.onChange);
		this.awareness.off('update', this.onAwareness);
		if (this.pendingFlush) clearImmediate(this.pendingFlush);
		if (this.renewFlush) clearTimeout(this.renewFlush);
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

	private readonly onChange = (changes: AwarenessChanges): void => {
		this.changed = changes.updated;
	};

	private readonly onAwareness = (changes: AwarenessChanges, origin: unknown): void => {
		const changed = this.changed ?? [];
		this.changed = null;
		if (this.peers.has(origin as Peer)) (origin as Peer).ownAwareness(changes);
		if (this.peers.size === 0) return;
		const now = [...changes.added, ...changed, ...changes.removed];
		for (const id of now) this.renewed.delete(id);
		for (const id of changes.updated) if (!changed.includes(id)) this.renew(id);
		if (now.length > 0) this.soon(now);
	};

	/**
	 * Queues entries until the loop's next check phase. Messages that arrive together (a burst of
	 * presences after a reconnect, hundreds of sockets closing when a café's wifi drops) are handled
	 * in one poll phase; collected, each document's go out as one message to the peers still open
	 * then, instead of one per change to every peer, mostly to sockets whose own close is next in line.
	 */
	private soon(ids: readonly number[]): void {
		for (const id of ids) this.pending.add(id);
		this.pendingFlush ??= setImmediate(() => {
			this.pendingFlush = null;
			const ids = [...this.pending];
			this.pending.clear();
			if (this.peers.size > 0) this.send(ids);
		});
	}

	/** Queues an unchanged entry (see RENEWAL_FLUSH_MS); the message carries its state and clock as they are then. */
	private renew(id: number): void {
		this.renewed.add(id);
		this.renewFlush ??= setTimeout(() => {
			this.renewFlush = null;
			const states = this.awareness.getStates();
			const ids = [...this.renewed].filter((id) => states.has(id));
			this.renewed.clear();
			if (ids.length > 0 && this.peers.size > 0) this.send(ids);
		}, RENEWAL_FLUSH_MS);
		this.renewFlush.unref();
	}

	private send(ids: number[]): void {
		const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
		for (const peer of this.peers) peer.deliver(message);
	}
}

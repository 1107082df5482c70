import type { WebSocket } from 'ws';

/** A large message goes out in frames of this size, each only once the previous ones left the process. */
const CHUNK_BYTES = 256 * 1024;

/** A streamed message: its header and body, encoded when its turn comes. */
export type Streamed = () => { header: Uint8Array; body: Uint8Array };

type Item = { message: Uint8Array } | { streamed: Streamed };

/**
 * Everything the server sends to one client, with one bound on what waits for it: the messages
 * queued here plus ws's own buffer may not pass `maxBufferedBytes`, or the client, which is not
 * reading, is cut off (without a close frame: there is no room for one).
 *
 * A document's full state (up to SYNC_MAX_DOCUMENT_BYTES) is larger than that bound, so it is
 * streamed: one websocket message in fragments, the next written only when ws's buffer has room.
 * Its bytes are a view of the document's shared encoded state (see LiveDocument.fullState), so
 * a client that stops reading in the middle holds at most the bound, not a copy of the document.
 * Messages that arrive meanwhile wait behind it, in order, and count against the bound.
 */
export class Outbox {
	private readonly queue: Item[] = [];
	private queuedBytes = 0;
	/** The large message being written: its bytes and how far it got. */
	private streaming: { bytes: Uint8Array; offset: number } | null = null;
	private stopped = false;

	/** A stream keeps at most this much in ws's buffer, in pieces of `chunk`: at most ¾ of the bound, the rest for messages. */
	private readonly window: number;
	private readonly chunk: number;

	constructor(
		private readonly ws: WebSocket,
		private readonly maxBufferedBytes: number
	) {
		this.window = Math.min(maxBufferedBytes / 2, 4 * CHUNK_BYTES);
		this.chunk = Math.max(1, Math.floor(Math.min(CHUNK_BYTES, this.window / 2)));
	}

	get open(): boolean {
		return !this.stopped && this.ws.readyState === this.ws.OPEN;
	}

	/** Sends or queues a message; false when the client could not take it (and was cut off). */
	send(message: Uint8Array): boolean {
		if (!this.open) return false;
		// An empty buffer always takes one message, whatever its size (SYNC_MAX_MESSAGE_BYTES bounds it).
		const waiting = this.ws.bufferedAmount + this.queuedBytes;
		if (waiting > 0 && waiting + message.byteLength > this.maxBufferedBytes) return this.overflow();
		if (this.busy) {
			this.queue.push({ message });
			this.queuedBytes += message.byteLength;
		} else this.ws.send(message);
		return true;
	}

	/**
	 * Sends a message written piece by piece. It is encoded when its turn comes, so it is current
	 * then, and one that is still waiting makes a second request redundant (it is dropped).
	 */
	stream(streamed: Streamed): void {
		if (!this.open) return;
		if (!this.busy) this.start(streamed());
		else if (!this.queue.some((item) => 'streamed' in item)) this.queue.push({ streamed });
	}

	/** Stops sending (the connection is closing). */
	stop(): void {
		this.stopped = true;
		this.queue.length = 0;
		this.queuedBytes = 0;
		this.streaming = null;
	}

	/** Something still waits to go out: a client busy receiving a large state is not judged silent. */
	get pending(): boolean {
		return this.busy || this.ws.bufferedAmount > 0;
	}

	private get busy(): boolean {
		return this.streaming !== null || this.queue.length > 0;
	}

	private overflow(): false {
		this.stop();
		this.ws.terminate();
		return false;
	}

	private start({ header, body }: ReturnType<Streamed>): void {
		this.ws.send(header, { binary: true, fin: false });
		this.streaming = { bytes: body, offset: 0 };
		this.pump();
	}

	/** Writes fragments while ws's buffer has room; the write callback of the last one calls back. */
	private readonly pump = (): void => {
		const current = this.streaming;
		if (!current || !this.open) return;
		while (this.streaming === current && this.ws.bufferedAmount < this.window) {
			const end = Math.min(current.offset + this.chunk, current.bytes.byteLength);
			const fin = end === current.bytes.byteLength;
			const chunk = current.bytes.subarray(current.offset, end);
			current.offset = end;
			if (fin) {
				this.streaming = null;
				this.ws.send(chunk, { binary: true, fin: true });
				this.flush();
				return;
			}
			this.ws.send(chunk, { binary: true, fin: false }, (err) => {
				if (!err) this.pump();
			});
		}
	};

	/** Sends what waited behind a stream, until the next stream starts. */
	private flush(): void {
		while (!this.streaming && this.queue.length > 0 && this.open) {
			const item = this.queue.shift()!;
			if ('message' in item) {
				this.queuedBytes -= item.message.byteLength;
				this.ws.send(item.message);
			} else this.start(item.streamed());
		}
	}
}

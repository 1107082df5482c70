import { AppError } from './errors';

/** Sends one named event with a JSON payload. */
export type SendEvent = (event: string, data: unknown) => void;

const encoder = new TextEncoder();

/**
 * A server-sent events response. `start` begins sending and returns its cleanup, which runs when
 * the client goes away (the request is aborted or the stream cancelled). A comment line every
 * `heartbeatMs` keeps proxies from closing an idle stream and notices a client that left.
 */
export function eventStream(
	signal: AbortSignal,
	start: (send: SendEvent) => () => void,
	heartbeatMs = 15_000
): Response {
	let stop = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const write = (text: string) => {
				if (!open) return;
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					close();
				}
			};
			const heartbeat = setInterval(() => write(': keep-alive\n\n'), heartbeatMs);
			const cleanup = start((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
			const close = () => {
				if (!open) return;
				open = false;
				clearInterval(heartbeat);
				cleanup();
				try {
					controller.close();
				} catch {
					// already closed by the other side
				}
			};
			stop = close;
			signal.addEventListener('abort', close, { once: true });
		},
		cancel() {
			stop();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive',
			'x-accel-buffering': 'no'
		}
	});
}

/**
 * Calls `work` at most once per `ms`, and once more after the last call of a burst, so a storm of
 * changes becomes a few snapshots.
 */
export function throttle(work: () => void, ms: number): { call(): void; cancel(): void } {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending = false;
	const fire = () => {
		timer = null;
		if (!pending) return;
		pending = false;
		work();
		timer = setTimeout(fire, ms);
	};
	return {
		call() {
			pending = true;
			if (!timer) fire();
		},
		cancel() {
			if (timer) clearTimeout(timer);
			timer = null;
			pending = false;
		}
	};
}

/**
 * Bounds the open event streams per account (SSE_MAX_STREAMS_PER_USER): each holds a connection
 * and a timer, so one account must not be able to open hundreds.
 */
export class StreamLimiter {
	private readonly open = new Map<string, number>();

	constructor(private readonly maxPerKey: number) {}

	/** Takes a slot for `key` and returns its release (idempotent), or null when the key is at the limit. */
	acquire(key: string): (() => void) | null {
		const count = this.open.get(key) ?? 0;
		if (count >= this.maxPerKey) return null;
		this.open.set(key, count + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const left = (this.open.get(key) ?? 1) - 1;
			if (left > 0) this.open.set(key, left);
			else this.open.delete(key);
		};
	}
}

/**
 * An event stream that holds one of `key`'s slots while it is open; past the limit the request
 * is refused with 429 before any stream starts.
 */
export function limitedEventStream(
	limiter: StreamLimiter,
	key: string,
	signal: AbortSignal,
	start: (send: SendEvent) => () => void
): Response {
	const release = limiter.acquire(key);
	if (!release) throw new AppError('too_many_requests', 'error.tooManyStreams');
	return eventStream(signal, (send) => {
		const stop = start(send);
		return () => {
			stop();
			release();
		};
	});
}

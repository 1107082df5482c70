import type { LoggedUpdate } from '$lib/server/db/doc-log';
import type { AppendUpdates } from '$lib/server/db/update-appender';

interface Pending {
	update: LoggedUpdate;
	durable(seq: number): void;
}

export interface UpdateLogOptions {
	/** Called when a batch could not be written; the batch stays queued and is retried. */
	onError?(error: unknown, attempt: number): void;
	/** A `durable` callback threw (a bug in the caller; the log carries on). */
	onCallbackError?(error: unknown): void;
	/** Called once a batch is durable, with how long the write took. */
	onCommit?(updates: readonly LoggedUpdate[], ms: number): void;
	retryMs?: number;
}

/**
 * Write-ahead log with group commit: every update that arrives in the same tick is written in
 * one transaction, and each caller hears only when its update is durable. Callers get a callback,
 * not a promise: this is the path of every edit, where a promise per update (its reaction job, and
 * the promise hooks SvelteKit's AsyncLocalStorage turns on) showed up in the server's profiles.
 */
export class UpdateLog {
	private queue: Pending[] = [];
	private flushing: Promise<void> | null = null;
	private scheduled = false;
	private readonly nextSeq = new Map<string, number>();

	constructor(
		private readonly appendUpdates: AppendUpdates,
		private readonly options: UpdateLogOptions = {}
	) {}

	/** Tells the log where a loaded document's sequence stands. */
	startAt(doetankId: string, lastSeq: number): void {
		this.nextSeq.set(doetankId, Math.max(this.nextSeq.get(doetankId) ?? 0, lastSeq + 1));
	}

	/** Calls `durable` with the update's sequence number once it is durable, in the order of appending. */
	append(doetankId: string, update: Uint8Array, userId: string | null, durable: (seq: number) => void): void {
		const seq = this.nextSeq.get(doetankId) ?? 1;
		this.nextSeq.set(doetankId, seq + 1);
		this.queue.push({ update: { doetankId, seq, update, userId, at: Date.now() }, durable });
		this.schedule();
	}

	/** Resolves when everything appended so far is durable. */
	async drain(): Promise<void> {
		while (this.queue.length > 0 || this.flushing) {
			this.schedule();
			await (this.flushing ?? new Promise((r) => setImmediate(r)));
		}
	}

	get pending(): number {
		return this.queue.length;
	}

	private schedule(): void {
		if (this.scheduled || this.flushing) return;
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			const batch = this.queue;
			this.queue = [];
			const waiting = this.write(batch, 1);
			if (waiting) {
				this.flushing = waiting.finally(() => {
					this.flushing = null;
					if (this.queue.length > 0) this.schedule();
				});
			} else if (this.queue.length > 0) this.schedule();
		});
	}

	/**
	 * Writes one batch. An embedded database commits synchronously, so the common case costs no
	 * promise; a promise comes back only for a server database or a batch waiting for its retry.
	 */
	private write(batch: Pending[], attempt: number): Promise<void> | undefined {
		if (batch.length === 0) return undefined;
		const started = performance.now();
		const updates = batch.map((p) => p.update);
		let result: void | Promise<void>;
		try {
			result = this.appendUpdates(updates);
		} catch (error) {
			return this.retry(batch, attempt, error);
		}
		if (!result) return this.committed(batch, updates, started);
		return result.then(
			() => this.committed(batch, updates, started),
			(error: unknown) => this.retry(batch, attempt, error)
		);
	}

	private committed(batch: Pending[], updates: LoggedUpdate[], started: number): undefined {
		this.options.onCommit?.(updates, performance.now() - started);
		for (const p of batch) {
			// One caller's failure must not keep the others from hearing that their updates are stored.
			try {
				p.durable(p.update.seq);
			} catch (error) {
				this.options.onCallbackError?.(error);
			}
		}
		return undefined;
	}

	/** Nothing is dropped: the batch is retried until the database takes it. */
	private async retry(batch: Pending[], attempt: number, error: unknown): Promise<void> {
		this.options.onError?.(error, attempt);
		await new Promise((r) => setTimeout(r, Math.min(5000, (this.options.retryMs ?? 100) * attempt)));
		return this.write(batch, attempt + 1);
	}
}

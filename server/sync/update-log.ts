import type { Database } from '../../src/lib/server/db/client';
import { appendUpdateStatement, type LoggedUpdate } from '../../src/lib/server/db/doc-log';

interface Pending {
	update: LoggedUpdate;
	resolve(seq: number): void;
}

export interface UpdateLogOptions {
	/** Called when a batch could not be written; the batch stays queued and is retried. */
	onError?(error: unknown, attempt: number): void;
	/** Called once a batch is durable, with how long the write took. */
	onCommit?(updates: readonly LoggedUpdate[], ms: number): void;
	retryMs?: number;
}

/**
 * Write-ahead log with group commit: every update that arrives in the same tick is written in
 * one transaction, and each caller's promise resolves only when its update is durable.
 */
export class UpdateLog {
	private queue: Pending[] = [];
	private flushing: Promise<void> | null = null;
	private scheduled = false;
	private readonly nextSeq = new Map<string, number>();

	constructor(
		private readonly db: Database,
		private readonly options: UpdateLogOptions = {}
	) {}

	/** Tells the log where a loaded document's sequence stands. */
	startAt(doetankId: string, lastSeq: number): void {
		this.nextSeq.set(doetankId, Math.max(this.nextSeq.get(doetankId) ?? 0, lastSeq + 1));
	}

	/** Resolves with the update's sequence number once it is durable. */
	append(doetankId: string, update: Uint8Array, userId: string | null): Promise<number> {
		const seq = this.nextSeq.get(doetankId) ?? 1;
		this.nextSeq.set(doetankId, seq + 1);
		return new Promise((resolve) => {
			this.queue.push({ update: { doetankId, seq, update, userId, at: Date.now() }, resolve });
			this.schedule();
		});
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
			this.flushing = this.flush().finally(() => {
				this.flushing = null;
				if (this.queue.length > 0) this.schedule();
			});
		});
	}

	private async flush(): Promise<void> {
		const batch = this.queue;
		this.queue = [];
		if (batch.length === 0) return;
		for (let attempt = 1; ; attempt++) {
			const started = performance.now();
			try {
				await this.db.batch(batch.map((p) => appendUpdateStatement(p.update)), 'write');
				this.options.onCommit?.(
					batch.map((p) => p.update),
					performance.now() - started
				);
				for (const p of batch) p.resolve(p.update.seq);
				return;
			} catch (error) {
				// Nothing is dropped: the batch is retried until the database takes it.
				this.options.onError?.(error, attempt);
				await new Promise((r) => setTimeout(r, Math.min(5000, (this.options.retryMs ?? 100) * attempt)));
			}
		}
	}
}

import type { Database } from '../../src/lib/server/db/client';
import { compactionStatements, logSize, readForCompaction, type LoggedUpdate } from '../../src/lib/server/db/doc-log';
import { foldUpdates } from '../../src/lib/server/documents/compaction';

export interface CompactorOptions {
	maxUpdates: number;
	maxBytes: number;
	timeZone: string;
	onCompacted?(doetankId: string, folded: number, ms: number): void;
	onError?(doetankId: string, error: unknown): void;
	onDamaged?(doetankId: string, seq: number, error: unknown): void;
}

/**
 * Watches how much each Doetank's update log has grown since its snapshot and folds it into a new
 * snapshot once it passes a count or size bound. Runs one compaction at a time in the background;
 * editing never waits for it, because the log keeps taking updates with higher sequence numbers.
 */
export class Compactor {
	private readonly sizes = new Map<string, { count: number; bytes: number } | Promise<void>>();
	private readonly queue = new Set<string>();
	private running: Promise<void> | null = null;

	constructor(
		private readonly db: Database,
		private readonly options: CompactorOptions
	) {}

	/** Called with every batch the update log has made durable. */
	noteCommitted(updates: readonly LoggedUpdate[]): void {
		for (const u of updates) void this.grow(u.doetankId, 1, u.update.byteLength);
	}

	/** Resolves when no compaction is queued or running. */
	async idle(): Promise<void> {
		while (this.running) await this.running;
	}

	private async grow(doetankId: string, count: number, bytes: number): Promise<void> {
		let size = this.sizes.get(doetankId);
		if (size === undefined) {
			// First sight of this document in this process: start from what the database holds.
			const loading = logSize(this.db, doetankId).then(
				(s) => void this.sizes.set(doetankId, s),
				() => void this.sizes.delete(doetankId)
			);
			this.sizes.set(doetankId, loading);
			await loading;
			return;
		}
		if (size instanceof Promise) {
			await size;
			return this.grow(doetankId, count, bytes);
		}
		size.count += count;
		size.bytes += bytes;
		if (size.count >= this.options.maxUpdates || size.bytes >= this.options.maxBytes) this.enqueue(doetankId);
	}

	private enqueue(doetankId: string): void {
		this.queue.add(doetankId);
		this.running ??= this.drain().finally(() => (this.running = null));
	}

	private async drain(): Promise<void> {
		for (const doetankId of this.queue) {
			this.queue.delete(doetankId);
			await this.compact(doetankId);
		}
	}

	/** Folds one document's log now; also used by tests and maintenance. */
	async compact(doetankId: string): Promise<number> {
		const started = performance.now();
		try {
			const input = await readForCompaction(this.db, doetankId);
			const folded = foldUpdates(input, this.options.timeZone, (seq, error) => this.options.onDamaged?.(doetankId, seq, error));
			// Forget the size: the next commit re-reads it, which also counts updates that arrived meanwhile.
			this.sizes.delete(doetankId);
			if (!folded) return 0;
			await this.db.batch(compactionStatements(doetankId, folded.snapshot, folded.checkpoints, Date.now()), 'write');
			this.options.onCompacted?.(doetankId, input.updates.length, performance.now() - started);
			return input.updates.length;
		} catch (error) {
			this.options.onError?.(doetankId, error);
			return 0;
		}
	}
}

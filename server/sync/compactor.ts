import * as Y from 'yjs';
import { dayIn } from '$lib/domain/calendar';
import type { Database } from '$lib/server/db/client';
import {
	compactionStatements,
	logSize,
	readCompactionMeta,
	readForCompaction,
	type LoggedUpdate
} from '$lib/server/db/doc-log';
import { foldUpdates } from '$lib/server/documents/compaction';

/** A loaded document whose state is exactly the update log up to `appliedSeq`. */
export interface LoadedState {
	doc: Y.Doc;
	appliedSeq: number;
}

export interface CompactorOptions {
	maxUpdates: number;
	maxBytes: number;
	timeZone: string;
	/** The live document, when it is loaded: compacting from it avoids replaying the log. */
	loaded?(doetankId: string): LoadedState | undefined;
	onCompacted?(doetankId: string, folded: number, ms: number): void;
	onError?(doetankId: string, error: unknown): void;
	onDamaged?(doetankId: string, seq: number, error: unknown): void;
}

interface LogSize {
	count: number;
	bytes: number;
	/** Per document between 1 and 1.5, so documents edited at the same pace don't all compact at once. */
	spread: number;
}

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Watches how much each Doetank's update log has grown since its snapshot and folds it into a new
 * snapshot once it passes a count or size bound. Runs one compaction at a time in the background,
 * yielding to the event loop between documents; editing never waits for it, because the log
 * keeps taking updates with higher sequence numbers.
 */
export class Compactor {
	private readonly sizes = new Map<string, LogSize | Promise<void>>();
	private readonly queue = new Set<string>();
	private running: Promise<void> | null = null;

	constructor(
		private readonly db: Database,
		private readonly options: CompactorOptions
	) {}

	/** Called with every batch the update log has made durable. */
	noteCommitted(updates: readonly LoggedUpdate[]): void {
		for (const u of updates) this.grow(u.doetankId, 1, u.update.byteLength);
	}

	/**
	 * Called when a document was loaded with `tail` logged updates after its snapshot. A tail past the
	 * bound (left by a process that stopped before it compacted) is folded now, not after the next edit.
	 */
	noteLoaded(doetankId: string, tail: number): void {
		if (tail >= this.options.maxUpdates) this.enqueue(doetankId);
	}

	/** Queues the document whatever its log's size, and resolves when the queue has run. */
	async fold(doetankId: string): Promise<void> {
		this.enqueue(doetankId);
		await this.idle();
	}

	/** Resolves when no compaction is queued or running. */
	async idle(): Promise<void> {
		while (this.running) await this.running;
	}

	/** Counts an update; synchronous except the first time a document is seen (and while its size loads). */
	private grow(doetankId: string, count: number, bytes: number): void {
		const size = this.sizes.get(doetankId);
		if (size === undefined) {
			// First sight of this document in this process: start from what the database holds
			// (which already includes this update, so it is not counted again).
			const loading = logSize(this.db, doetankId).then(
				(s) => void this.sizes.set(doetankId, { ...s, spread: 1 + Math.random() / 2 }),
				() => void this.sizes.delete(doetankId)
			);
			this.sizes.set(doetankId, loading);
			return;
		}
		if (size instanceof Promise) {
			void size.then(() => this.grow(doetankId, count, bytes));
			return;
		}
		size.count += count;
		size.bytes += bytes;
		if (size.count >= this.options.maxUpdates * size.spread || size.bytes >= this.options.maxBytes * size.spread) {
			this.enqueue(doetankId);
		}
	}

	private enqueue(doetankId: string): void {
		this.queue.add(doetankId);
		this.running ??= this.drain().finally(() => (this.running = null));
	}

	private async drain(): Promise<void> {
		for (const doetankId of this.queue) {
			this.queue.delete(doetankId);
			await nextTick();
			await this.compact(doetankId);
		}
	}

	/** Folds one document's log now; returns how many updates it folded. */
	async compact(doetankId: string): Promise<number> {
		const started = performance.now();
		try {
			// Forget the size: the next commit re-reads it, which also counts updates that arrive meanwhile.
			this.sizes.delete(doetankId);
			const folded = (await this.fromLoaded(doetankId)) ?? (await this.fromLog(doetankId));
			if (folded > 0) this.options.onCompacted?.(doetankId, folded, performance.now() - started);
			return folded;
		} catch (error) {
			this.options.onError?.(doetankId, error);
			return 0;
		}
	}

	/**
	 * The cheap way: the loaded document already is the log up to `appliedSeq`. Only valid when
	 * every update to fold is from today, because it can give today's checkpoint only; a log that
	 * spans midnight goes through `fromLog`, which writes a checkpoint for each day.
	 */
	private async fromLoaded(doetankId: string): Promise<number | null> {
		const loaded = this.options.loaded?.(doetankId);
		if (!loaded) return null;
		const meta = await readCompactionMeta(this.db, doetankId);
		if (meta.oldestAt === null) return 0;
		const today = dayIn(Date.now(), this.options.timeZone);
		if (dayIn(meta.oldestAt, this.options.timeZone) !== today || loaded.appliedSeq <= meta.snapshotSeq) return null;
		// Read and encode in one synchronous stretch, so no update is applied in between.
		const seq = loaded.appliedSeq;
		const state = Y.encodeStateAsUpdate(loaded.doc);
		const earlier = meta.latestCheckpoint?.day === today ? meta.latestCheckpoint.contributors : [];
		const contributors = [...new Set([...earlier, ...meta.authors])];
		await this.db.batch(
			compactionStatements(doetankId, { state, seq }, [{ day: today, state, seq, contributors }], Date.now()),
			'write'
		);
		return seq - meta.snapshotSeq;
	}

	/**
	 * Replays the logged updates onto the snapshot, writing a checkpoint for every day they span. A
	 * long log (left by a process that stopped before compacting) is folded in parts of at most twice
	 * the bound, each its own compaction, with the event loop free between chunks of every part.
	 */
	private async fromLog(doetankId: string): Promise<number> {
		const limit = 2 * this.options.maxUpdates;
		const input = await readForCompaction(this.db, doetankId, limit);
		const folded = await foldUpdates(
			input,
			this.options.timeZone,
			(seq, error) => this.options.onDamaged?.(doetankId, seq, error),
			nextTick
		);
		if (!folded) return 0;
		await this.db.batch(compactionStatements(doetankId, folded.snapshot, folded.checkpoints, Date.now()), 'write');
		if (input.updates.length === limit) this.enqueue(doetankId);
		return input.updates.length;
	}
}

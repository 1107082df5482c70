import { shouldCutVersion, versionDueAt } from '$lib/domain/history/version-schedule';
import type { LoggedUpdate } from '$lib/server/db/doc-log';

/**
 * Decides when the sync server cuts an automatic version of a document: an interval after the
 * first edit since the last version, and when the last person has left (the document unloads).
 * The cutting itself is the version service's; this only keeps, per document, when activity
 * started and a timer.
 */
export class VersionClock {
	private readonly firstEdit = new Map<string, number>();
	private readonly timers = new Map<string, NodeJS.Timeout>();
	private readonly running = new Map<string, Promise<void>>();

	constructor(
		/**
		 * Cuts a version. Resolves to true when it was left to a version another instance cut a
		 * moment ago while this instance applied edits since: those start the clock again.
		 */
		private readonly cut: (doetankId: string, everyoneLeft: boolean) => Promise<boolean | void>,
		private readonly intervalMs: number,
		private readonly onError: (doetankId: string, error: unknown) => void,
		private readonly now: () => number = Date.now
	) {}

	/** Durable edits start the clock; the server's own changes (migrations, userId null) do not. */
	noteCommitted(updates: readonly LoggedUpdate[]): void {
		for (const u of updates) {
			if (u.userId === null || this.firstEdit.has(u.doetankId)) continue;
			this.firstEdit.set(u.doetankId, u.at);
			this.schedule(u.doetankId, u.at);
		}
	}

	private schedule(doetankId: string, firstEditAt: number): void {
		const delay = Math.max(0, versionDueAt(firstEditAt, this.intervalMs) - this.now());
		this.timers.set(
			doetankId,
			setTimeout(() => this.fire(doetankId, false), delay)
		);
	}

	/**
	 * The last connection to the document closed and nobody came back before it unloads; resolves
	 * once the version (if one is due) is cut.
	 */
	everyoneLeft(doetankId: string): Promise<void> {
		this.fire(doetankId, true);
		return this.running.get(doetankId) ?? Promise.resolve();
	}

	/** Resolves when no cut is running. */
	async idle(): Promise<void> {
		await Promise.all(this.running.values());
	}

	/**
	 * Stops the timed cuts (shutdown). Edits not yet in a version stay noted: a document that
	 * everyone had left still gets its version as it unloads.
	 */
	close(): void {
		for (const timer of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
	}

	private fire(doetankId: string, everyoneLeft: boolean): void {
		const firstEditAt = this.firstEdit.get(doetankId) ?? null;
		if (!shouldCutVersion({ firstEditAt, now: this.now(), intervalMs: this.intervalMs, everyoneLeft })) {
			// A timer may fire a moment before the clock says it is due: wait the rest.
			if (firstEditAt !== null && !everyoneLeft) this.schedule(doetankId, firstEditAt);
			return;
		}
		clearTimeout(this.timers.get(doetankId));
		this.timers.delete(doetankId);
		this.firstEdit.delete(doetankId);
		// One cut per document at a time, in order: the next one sees the version before it.
		const previous = this.running.get(doetankId) ?? Promise.resolve();
		const next = previous
			.then(() => this.cut(doetankId, everyoneLeft))
			.then(
				(again) => {
					if (again !== true || this.firstEdit.has(doetankId)) return;
					const now = this.now();
					this.firstEdit.set(doetankId, now);
					this.schedule(doetankId, now);
				},
				(error: unknown) => this.onError(doetankId, error)
			)
			.finally(() => {
				if (this.running.get(doetankId) === next) this.running.delete(doetankId);
			});
		this.running.set(doetankId, next);
	}
}

/**
 * One poller per process for a value that changes in the database (the governance counter): it
 * runs only while someone listens, reads the value once per interval however many streams are
 * open, and tells every listener when it changed.
 */
export class ChangeFeed {
	private readonly listeners = new Set<() => void>();
	private timer: ReturnType<typeof setInterval> | null = null;
	private last: string | null = null;
	private reading = false;

	constructor(
		private readonly read: () => Promise<string>,
		private readonly intervalMs: number,
		private readonly onError: (err: unknown) => void
	) {}

	/** Calls `listener` after each change; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		if (!this.timer) {
			this.last = null;
			void this.tick();
			this.timer = setInterval(() => void this.tick(), this.intervalMs);
		}
		return () => {
			this.listeners.delete(listener);
			if (this.listeners.size === 0 && this.timer) {
				clearInterval(this.timer);
				this.timer = null;
			}
		};
	}

	/** How many listeners share the poller (for tests and metrics). */
	get size(): number {
		return this.listeners.size;
	}

	private async tick(): Promise<void> {
		if (this.reading) return;
		this.reading = true;
		try {
			const value = await this.read();
			const changed = this.last !== null && value !== this.last;
			this.last = value;
			if (changed) for (const listener of [...this.listeners]) listener();
		} catch (err) {
			this.onError(err);
		} finally {
			this.reading = false;
		}
	}
}

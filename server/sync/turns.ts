/**
 * Spreads a burst of work over turns of the event loop. When a café's wifi comes back, hundreds of
 * sockets upgrade in the same moment; handled as they arrive, their sessions, access checks and
 * first sync ran back to back and held up every other client (a stall of 100 ms or more, measured
 * with `npm run bench:sync -- --scenarios reconnect`). Through Turns, at most `perTurn` of them go
 * on in one turn of the loop, the rest in the turns after, in arrival order, with timers and other
 * sockets' messages handled in between. Without a burst nothing waits.
 */
export class Turns {
	#passed = 0;
	#waiting: (() => void)[] = [];
	#tick: NodeJS.Immediate | null = null;

	constructor(
		private readonly perTurn: number,
		private readonly maxWaiting: number
	) {}

	/** How many wait now (doetank_sync_upgrades_waiting). */
	get waiting(): number {
		return this.#waiting.length;
	}

	/**
	 * Resolves at once while this turn has room, else in a later turn; false (at once) when
	 * `maxWaiting` already wait: the caller refuses the work.
	 */
	next(): Promise<boolean> {
		if (this.#waiting.length === 0 && this.#passed < this.perTurn) {
			this.#passed++;
			this.#schedule();
			return Promise.resolve(true);
		}
		if (this.#waiting.length >= this.maxWaiting) return Promise.resolve(false);
		return new Promise((resolve) => {
			this.#waiting.push(() => resolve(true));
			this.#schedule();
		});
	}

	/** Immediates queued while the loop runs immediates run in its next turn: one batch per turn. */
	#schedule(): void {
		if (this.#tick === null) this.#tick = setImmediate(this.#turn);
	}

	readonly #turn = (): void => {
		this.#tick = null;
		const batch = this.#waiting.splice(0, this.perTurn);
		this.#passed = batch.length;
		for (const go of batch) go();
		if (this.#passed > 0) this.#schedule();
	};
}

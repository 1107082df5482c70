/**
 * The pulls of an embedded replica (client.ts), coalesced. Every request with an unknown session
 * cookie asks for a pull (a sign-in on another instance may not be here yet), so without this one
 * user could make the instance pull from the server as often as they can send requests.
 *
 * A caller waits for a pull that starts after its call (it then sees every write made before it
 * asked); all callers that arrive while that pull has not started share it. At most one pull runs
 * at a time, and pulls start at least `minGapMs` apart.
 */
export class ReplicaPuller {
	#pulls = 0;
	#lastStart = Number.NEGATIVE_INFINITY;
	#running: Promise<void> | null = null;
	#next: Promise<void> | null = null;

	constructor(
		private readonly pull: () => Promise<unknown>,
		private readonly minGapMs: number,
		private readonly now: () => number = () => performance.now()
	) {}

	/** Pulls started so far (doetank_replica_pulls_total). */
	get pulls(): number {
		return this.#pulls;
	}

	/** Resolves once a pull that started after this call has finished (rejects if that pull fails). */
	catchUp(): Promise<void> {
		this.#next ??= this.#startNext();
		return this.#next;
	}

	#gapLeft(): number {
		return this.#lastStart + this.minGapMs - this.now();
	}

	async #startNext(): Promise<void> {
		await this.#running?.catch(() => undefined);
		// A loop: a timer may fire a little early.
		for (let wait = this.#gapLeft(); wait > 0; wait = this.#gapLeft()) {
			await new Promise((resolve) => setTimeout(resolve, wait));
		}
		// From here on a new caller needs a later pull than this one.
		this.#next = null;
		this.#lastStart = this.now();
		this.#pulls += 1;
		this.#running = this.pull().then(() => undefined);
		return this.#running;
	}
}

/**
 * The sync server's bounds per user and per connection (docs/architecture.md, "Bounds"). Pure
 * bookkeeping with an injectable clock; the connection and the upgrade act on the answers.
 */

export type Clock = () => number;

/** Refills `rate` tokens per second up to `capacity`; a take that does not fit takes nothing. */
export class TokenBucket {
	private tokens: number;
	private at: number;

	constructor(
		private readonly rate: number,
		private readonly capacity: number,
		private readonly now: Clock = performance.now.bind(performance)
	) {
		this.tokens = capacity;
		this.at = now();
	}

	private refill(): void {
		const now = this.now();
		this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.rate);
		this.at = now;
	}

	take(amount: number): boolean {
		this.refill();
		if (this.tokens < amount) return false;
		this.tokens -= amount;
		return true;
	}

	get full(): boolean {
		this.refill();
		return this.tokens >= this.capacity;
	}
}

export interface UserLimitOptions {
	maxSockets: number;
	updatesPerSecond: number;
	bytesPerSecond: number;
	/** The budget holds this many seconds' worth, so a burst (an offline session's changes) goes through. */
	burstSeconds: number;
}

interface UserEntry {
	sockets: number;
	updates: TokenBucket;
	bytes: TokenBucket;
}

/** Open sockets and the update budget of each user, over all their sockets and Doetanks. */
export class UserLimits {
	private readonly users = new Map<string, UserEntry>();

	constructor(
		private readonly options: UserLimitOptions,
		private readonly now?: Clock
	) {}

	private entry(userId: string): UserEntry {
		let entry = this.users.get(userId);
		if (!entry) {
			const { updatesPerSecond, bytesPerSecond, burstSeconds } = this.options;
			entry = {
				sockets: 0,
				updates: new TokenBucket(updatesPerSecond, updatesPerSecond * burstSeconds, this.now),
				bytes: new TokenBucket(bytesPerSecond, bytesPerSecond * burstSeconds, this.now)
			};
			this.users.set(userId, entry);
		}
		return entry;
	}

	/** Reserves a socket for the user; null when they hold the maximum, else the release function (idempotent). */
	openSocket(userId: string): (() => void) | null {
		const entry = this.entry(userId);
		if (entry.sockets >= this.options.maxSockets) return null;
		entry.sockets++;
		let released = false;
		return () => {
			if (released) return;
			released = true;
			entry.sockets--;
		};
	}

	/** Charges one update of `bytes` to the user's budget; false when it is spent. */
	chargeUpdate(userId: string, bytes: number): boolean {
		const entry = this.entry(userId);
		// A refused update ends the socket, so what the refusal itself took does not matter.
		return entry.updates.take(1) && entry.bytes.take(bytes);
	}

	/**
	 * Forgets users without sockets whose budget has refilled. Not sooner: reconnecting must not
	 * give a spent budget back.
	 */
	prune(): void {
		for (const [userId, entry] of this.users)
			if (entry.sockets === 0 && entry.updates.full && entry.bytes.full) this.users.delete(userId);
	}

	get tracked(): number {
		return this.users.size;
	}
}

export type AwarenessVerdict = 'forward' | 'defer' | 'drop' | 'close';

/**
 * One connection's awareness messages: at most `maxBytes` each and `perSecond` a second (a burst of
 * as many). A larger one is dropped; a faster one is deferred (the connection keeps only the newest
 * and forwards it once the rate allows, so others never keep a stale caret). Each deferral is a
 * strike, an oversized message ten; strikes fade at `perSecond`, so a client that is merely quick
 * (a caret moving while typing) never collects them, and one that floods reaches `maxStrikes` within
 * a second or two and is closed.
 */
export class AwarenessLimiter {
	private readonly bucket: TokenBucket;
	private readonly strikes: TokenBucket;

	constructor(
		private readonly maxBytes: number,
		private readonly perSecond: number,
		maxStrikes = 10 * perSecond,
		now?: Clock
	) {
		this.bucket = new TokenBucket(perSecond, perSecond, now);
		// The strike allowance is a bucket too: strikes take from it, time gives back.
		this.strikes = new TokenBucket(perSecond, maxStrikes, now);
	}

	admit(bytes: number): AwarenessVerdict {
		if (bytes > this.maxBytes) return this.strikes.take(10) ? 'drop' : 'close';
		if (this.bucket.take(1)) return 'forward';
		return this.strikes.take(1) ? 'defer' : 'close';
	}

	/** Whether a deferred message may go now (no strike: it was counted when it came). */
	release(): boolean {
		return this.bucket.take(1);
	}

	/** How long until the rate allows one more message. */
	get retryMs(): number {
		return Math.ceil(1000 / this.perSecond);
	}
}

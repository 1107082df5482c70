import type { Database } from '../db/client';
import { clearThrottle, releaseAttempt, reserveAttempts, type ThrottleRule } from '../db/throttle';
import { AppError } from '../errors';

export type { ThrottleRule };

/** Per account: a few tries; per IP: room for a café where many share one network. */
export const ACCOUNT_RULE: ThrottleRule = { maxAttempts: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_RULE: ThrottleRule = { maxAttempts: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export class LoginThrottle {
	constructor(
		private readonly db: Database,
		private readonly now: () => number = Date.now
	) {}

	/**
	 * Counts an attempt for every key before the password is checked (one write), and throws 429
	 * when any key is locked, so parallel guesses cannot all slip in before the first failure is recorded.
	 */
	async reserve(keys: readonly { key: string; rule: ThrottleRule }[]): Promise<void> {
		const now = this.now();
		const lockedUntil = Math.max(...(await reserveAttempts(this.db, keys, now)));
		if (lockedUntil > now) {
			const minutes = Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
			throw new AppError('too_many_requests', 'error.throttled', { minutes });
		}
	}

	/** After a successful login: the account starts afresh, the address gets its attempt back. */
	async succeeded(accountKey: string, ipKey: string): Promise<void> {
		await clearThrottle(this.db, accountKey);
		await releaseAttempt(this.db, ipKey, this.now());
	}
}

import type { Database } from '../db/client';
import { clearThrottle, readThrottle, writeThrottle } from '../db/throttle';
import { AppError } from '../errors';

export interface ThrottleRule {
	/** Failures allowed within the window before the key is locked. */
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

/** Per account: a few tries; per IP: room for a café where many share one network. */
export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_RULE: ThrottleRule = { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export class LoginThrottle {
	constructor(
		private readonly db: Database,
		private readonly now: () => number = Date.now
	) {}

	/** Throws 429 while any of the keys is locked. */
	async assertOpen(keys: string[]): Promise<void> {
		const now = this.now();
		for (const key of keys) {
			const row = await readThrottle(this.db, key);
			if (row && row.lockedUntil > now) {
				const minutes = Math.max(1, Math.ceil((row.lockedUntil - now) / 60_000));
				throw new AppError('too_many_requests', 'error.throttled', { minutes });
			}
		}
	}

	async recordFailure(key: string, rule: ThrottleRule): Promise<void> {
		const now = this.now();
		const row = await readThrottle(this.db, key);
		const fresh = !row || now - row.windowStart > rule.windowMs;
		const failures = fresh ? 1 : row.failures + 1;
		await writeThrottle(this.db, key, {
			failures,
			windowStart: fresh ? now : row.windowStart,
			lockedUntil: failures >= rule.maxFailures ? now + rule.lockMs : 0
		});
	}

	async reset(key: string): Promise<void> {
		await clearThrottle(this.db, key);
	}
}

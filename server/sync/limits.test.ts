import { describe, expect, it } from 'vitest';
import { AwarenessLimiter, TokenBucket, UserLimits } from './limits';

function clock() {
	const c = { ms: 0, now: () => c.ms };
	return c;
}

describe('TokenBucket', () => {
	it('gives a burst of its capacity, then its rate, and never more than the capacity', () => {
		const c = clock();
		const bucket = new TokenBucket(10, 20, c.now);
		expect(Array.from({ length: 21 }, () => bucket.take(1)).filter(Boolean)).toHaveLength(20);
		c.ms += 500;
		expect(Array.from({ length: 6 }, () => bucket.take(1)).filter(Boolean)).toHaveLength(5);
		c.ms += 60_000;
		expect(bucket.full).toBe(true);
		expect(bucket.take(21)).toBe(false);
		expect(bucket.take(20)).toBe(true);
	});
});

describe('UserLimits', () => {
	const options = { maxSockets: 2, updatesPerSecond: 10, bytesPerSecond: 1000, burstSeconds: 1 };

	it('counts sockets per user, releases each once, and keeps users apart', () => {
		const limits = new UserLimits(options);
		const first = limits.openSocket('ann')!;
		expect(limits.openSocket('ann')).not.toBeNull();
		expect(limits.openSocket('ann')).toBeNull();
		expect(limits.openSocket('bob')).not.toBeNull();
		first();
		first();
		expect(limits.openSocket('ann')).not.toBeNull();
		expect(limits.openSocket('ann')).toBeNull();
	});

	it('charges updates by count and by bytes over all sockets of a user', () => {
		const c = clock();
		const limits = new UserLimits(options, c.now);
		expect(limits.chargeUpdate('ann', 900)).toBe(true);
		expect(limits.chargeUpdate('ann', 200)).toBe(false);
		expect(limits.chargeUpdate('bob', 900)).toBe(true);
		c.ms += 1000;
		for (let i = 0; i < 10; i++) expect(limits.chargeUpdate('ann', 1)).toBe(true);
		expect(limits.chargeUpdate('ann', 1)).toBe(false);
	});

	it('forgets a user only once they hold no socket and their budget refilled', () => {
		const c = clock();
		const limits = new UserLimits(options, c.now);
		const release = limits.openSocket('ann')!;
		limits.chargeUpdate('ann', 1000);
		release();
		limits.prune();
		expect(limits.tracked).toBe(1);
		expect(limits.chargeUpdate('ann', 500)).toBe(false);
		c.ms += 2000;
		limits.prune();
		expect(limits.tracked).toBe(0);
	});
});

describe('AwarenessLimiter', () => {
	it('forwards up to the rate, defers faster messages, drops larger ones, and closes a flood', () => {
		const c = clock();
		const limiter = new AwarenessLimiter(8192, 10, 100, c.now);
		const verdicts = Array.from({ length: 12 }, () => limiter.admit(100));
		expect(verdicts.slice(0, 10)).toEqual(Array(10).fill('forward'));
		expect(verdicts.slice(10)).toEqual(['defer', 'defer']);
		expect(limiter.release()).toBe(false);
		c.ms += limiter.retryMs;
		expect(limiter.release()).toBe(true);
		expect(limiter.release()).toBe(false);
		expect(limiter.admit(8193)).toBe('drop');
		// 2 + 10 strikes so far; eight more oversized messages use up the 100.
		const rest = Array.from({ length: 9 }, () => limiter.admit(9000));
		expect(rest.slice(0, 8)).toEqual(Array(8).fill('drop'));
		expect(rest[8]).toBe('close');
	});

	it('never closes a client that is merely quick: 20 a second for a minute', () => {
		const c = clock();
		const limiter = new AwarenessLimiter(8192, 10, 100, c.now);
		const seen = new Set<string>();
		for (let i = 0; i < 20 * 60; i++) {
			c.ms += 50;
			seen.add(limiter.admit(200));
		}
		expect([...seen].sort()).toEqual(['defer', 'forward']);
	});
});

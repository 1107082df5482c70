import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { AppError } from '../errors';
import { LoginThrottle, type ThrottleRule } from './throttle';

const RULE: ThrottleRule = { maxFailures: 3, windowMs: 60_000, lockMs: 120_000 };
let db: Database;
let cleanup: () => void;
let now = 1_000_000;
const throttle = () => new LoginThrottle(db, () => now);

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	now = 1_000_000;
});
afterEach(() => cleanup());

async function lockedMinutes(keys: string[]): Promise<number | null> {
	try {
		await throttle().assertOpen(keys);
		return null;
	} catch (err) {
		if (err instanceof AppError && err.code === 'too_many_requests') return Number(err.params.minutes);
		throw err;
	}
}

describe('LoginThrottle', () => {
	it('locks a key after the allowed failures and says for how long', async () => {
		for (let i = 0; i < 2; i++) await throttle().recordFailure('account:a', RULE);
		expect(await lockedMinutes(['account:a'])).toBeNull();
		await throttle().recordFailure('account:a', RULE);
		expect(await lockedMinutes(['account:a'])).toBe(2);
		expect(await lockedMinutes(['account:b'])).toBeNull();
	});

	it('opens again when the lock has passed', async () => {
		for (let i = 0; i < 3; i++) await throttle().recordFailure('ip:1', RULE);
		now += RULE.lockMs + 1;
		expect(await lockedMinutes(['ip:1'])).toBeNull();
	});

	it('forgets failures outside the window', async () => {
		await throttle().recordFailure('account:a', RULE);
		await throttle().recordFailure('account:a', RULE);
		now += RULE.windowMs + 1;
		await throttle().recordFailure('account:a', RULE);
		expect(await lockedMinutes(['account:a'])).toBeNull();
	});

	it('reset clears a key', async () => {
		for (let i = 0; i < 3; i++) await throttle().recordFailure('account:a', RULE);
		await throttle().reset('account:a');
		expect(await lockedMinutes(['account:a'])).toBeNull();
	});
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { testDatabase } from '../db/test-db';
import { AppError } from '../errors';
import { LoginThrottle, type ThrottleRule } from './throttle';

const RULE: ThrottleRule = { maxAttempts: 3, windowMs: 60_000, lockMs: 120_000 };
const OTHER: ThrottleRule = { maxAttempts: 10, windowMs: 60_000, lockMs: 120_000 };
let db: Database;
let cleanup: () => void;
let now = 1_000_000;
const throttle = () => new LoginThrottle(db, () => now);

beforeEach(async () => {
	({ db, cleanup } = await testDatabase());
	now = 1_000_000;
});
afterEach(() => cleanup());

/** Reserves an attempt; null when allowed, else the minutes of the lock. */
async function attempt(key: string, rule = RULE, extra?: { key: string; rule: ThrottleRule }): Promise<number | null> {
	try {
		await throttle().reserve([{ key, rule }, ...(extra ? [extra] : [])]);
		return null;
	} catch (err) {
		if (err instanceof AppError && err.code === 'too_many_requests') return Number(err.params.minutes);
		throw err;
	}
}

describe('LoginThrottle', () => {
	it('allows the first attempts of a window, then locks the key and says for how long', async () => {
		for (let i = 0; i < 3; i++) expect(await attempt('account:a')).toBeNull();
		expect(await attempt('account:a')).toBe(2);
		expect(await attempt('account:a')).toBe(2);
		expect(await attempt('account:b')).toBeNull();
	});

	it('counts parallel attempts: of 20 at once only the allowed number gets through', async () => {
		const results = await Promise.all(Array.from({ length: 20 }, () => attempt('account:p')));
		expect(results.filter((r) => r === null)).toHaveLength(3);
	});

	it('locks when any of the keys is locked', async () => {
		for (let i = 0; i < 3; i++) await attempt('account:a');
		expect(await attempt('ip:1', OTHER, { key: 'account:a', rule: RULE })).toBe(2);
	});

	it('opens again when the lock has passed', async () => {
		for (let i = 0; i < 4; i++) await attempt('ip:1');
		now += RULE.lockMs + 1;
		expect(await attempt('ip:1')).toBeNull();
	});

	it('forgets attempts outside the window', async () => {
		await attempt('account:a');
		await attempt('account:a');
		now += RULE.windowMs + 1;
		await attempt('account:a');
		expect(await attempt('account:a')).toBeNull();
	});

	it('a success clears the account and gives the address its attempt back', async () => {
		for (let i = 0; i < 3; i++) await attempt('account:a', RULE, { key: 'ip:1', rule: RULE });
		await throttle().succeeded('account:a', 'ip:1');
		expect(await attempt('account:a')).toBeNull();
		expect(await attempt('ip:1')).toBeNull();
		expect(await attempt('ip:1')).toBe(2);
	});
});

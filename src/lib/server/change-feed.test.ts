import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeFeed } from './change-feed';
import { StreamLimiter } from './sse';

afterEach(() => vi.useRealTimers());

describe('ChangeFeed', () => {
	it('reads once per interval for any number of listeners, only while someone listens', async () => {
		vi.useFakeTimers();
		let value = 0;
		let reads = 0;
		const feed = new ChangeFeed(
			async () => {
				reads++;
				return String(value);
			},
			1000,
			(err) => {
				throw err;
			}
		);
		const heard: number[] = [];
		const stops = Array.from({ length: 50 }, (_, i) => feed.subscribe(() => heard.push(i)));
		await vi.advanceTimersByTimeAsync(3000);
		expect(reads).toBe(4);
		expect(heard).toEqual([]);
		value = 1;
		await vi.advanceTimersByTimeAsync(1000);
		expect(heard).toHaveLength(50);
		for (const stop of stops) stop();
		expect(feed.size).toBe(0);
		await vi.advanceTimersByTimeAsync(5000);
		expect(reads).toBe(5);
	});
});

describe('StreamLimiter', () => {
	it('refuses past the limit per key and frees a slot once on release', () => {
		const limiter = new StreamLimiter(2);
		const a = limiter.acquire('u1');
		const b = limiter.acquire('u1');
		expect(a && b).toBeTruthy();
		expect(limiter.acquire('u1')).toBeNull();
		expect(limiter.acquire('u2')).not.toBeNull();
		a!();
		a!();
		expect(limiter.acquire('u1')).not.toBeNull();
		expect(limiter.acquire('u1')).toBeNull();
	});
});

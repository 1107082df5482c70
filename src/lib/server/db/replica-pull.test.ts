import { describe, expect, it } from 'vitest';
import { ReplicaPuller } from './replica-pull';

/** A pull that finishes when the test says so, recording when each one started. */
function controlledPull() {
	const started: number[] = [];
	const finish: (() => void)[] = [];
	let clock = 0;
	const pull = () =>
		new Promise<void>((resolve) => {
			started.push(clock);
			finish.push(resolve);
		});
	return {
		pull,
		started,
		finishNext: () => finish.shift()?.(),
		now: () => clock,
		advance: (ms: number) => (clock += ms)
	};
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReplicaPuller', () => {
	it('lets everyone who asks while a pull waits share it, and starts one pull at a time', async () => {
		const p = controlledPull();
		const puller = new ReplicaPuller(p.pull, 1, p.now);
		p.advance(10);
		const first = Array.from({ length: 50 }, () => puller.catchUp());
		await tick();
		expect(p.started).toEqual([10]);
		// Asked while the first pull runs: they need a later one, which waits for the first.
		const second = Array.from({ length: 50 }, () => puller.catchUp());
		await tick();
		expect(p.started).toHaveLength(1);
		p.advance(5);
		p.finishNext();
		await Promise.all(first);
		await tick();
		expect(p.started).toEqual([10, 15]);
		p.finishNext();
		await Promise.all(second);
		expect(puller.pulls).toBe(2);
	});

	it('answers a caller only with a pull that started after it asked', async () => {
		const p = controlledPull();
		const puller = new ReplicaPuller(p.pull, 1, p.now);
		let firstDone = false;
		void puller.catchUp().then(() => (firstDone = true));
		await tick();
		let lateDone = false;
		const late = puller.catchUp().then(() => (lateDone = true));
		p.advance(5);
		p.finishNext();
		await tick();
		await tick();
		expect([firstDone, lateDone]).toEqual([true, false]);
		p.finishNext();
		await late;
		expect(lateDone).toBe(true);
	});

	it('starts pulls at least the gap apart, however many callers ask', async () => {
		const started: number[] = [];
		const puller = new ReplicaPuller(async () => void started.push(performance.now()), 40);
		const until = performance.now() + 300;
		while (performance.now() < until) {
			await Promise.all(Array.from({ length: 20 }, () => puller.catchUp()));
		}
		const gaps = started.slice(1).map((t, i) => t - started[i]!);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40);
		expect(started.length).toBeLessThanOrEqual(Math.ceil(300 / 40) + 1);
		expect(puller.pulls).toBe(started.length);
	});

	it('passes a failed pull to its callers, and the next caller gets a new pull', async () => {
		let fail = true;
		const puller = new ReplicaPuller(async () => {
			if (fail) throw new Error('server down');
		}, 1);
		await expect(Promise.all([puller.catchUp(), puller.catchUp()])).rejects.toThrow('server down');
		fail = false;
		await expect(puller.catchUp()).resolves.toBeUndefined();
		expect(puller.pulls).toBe(2);
	});
});

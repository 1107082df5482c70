import { describe, expect, it } from 'vitest';
import { Turns } from './turns';

/** `count` callers of `turns` at once: in which turn of the event loop each went on (false: refused). */
async function burst(turns: Turns, count: number) {
	let turn = 0;
	let ticking = true;
	const tick = () => {
		turn++;
		if (ticking) setImmediate(tick);
	};
	setImmediate(tick);
	const went: (number | false)[] = await Promise.all(
		Array.from({ length: count }, async () => ((await turns.next()) ? turn : false))
	);
	ticking = false;
	return went;
}

describe('Turns', () => {
	it('lets a burst on a few per turn of the event loop, in order', async () => {
		const went = await burst(new Turns(3, 100), 10);
		expect(went).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
	});

	it('lets everything on at once when there is no burst', async () => {
		const turns = new Turns(3, 100);
		for (let i = 0; i < 5; i++) {
			expect(await burst(turns, 2)).toEqual([0, 0]);
			await new Promise((resolve) => setImmediate(resolve));
			await new Promise((resolve) => setImmediate(resolve));
		}
		expect(turns.waiting).toBe(0);
	});

	it('refuses at once what would wait beyond its bound', async () => {
		const turns = new Turns(2, 3);
		const went = await burst(turns, 8);
		// Two go on now, three wait, the other three are refused.
		expect(went).toEqual([0, 0, 1, 1, 2, false, false, false]);
		expect(turns.waiting).toBe(0);
	});
});

import { describe, expect, it } from 'vitest';
import type { LoggedUpdate } from '$lib/server/db/doc-log';
import { VersionClock } from './version-clock';

const edit = (doetankId: string, userId: string | null, at = Date.now()): LoggedUpdate => ({
	doetankId,
	seq: 1,
	update: new Uint8Array(),
	userId,
	at
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function clockWith(intervalMs: number) {
	const cuts: string[] = [];
	const errors: unknown[] = [];
	const clock = new VersionClock(
		async (id) => void cuts.push(id),
		intervalMs,
		(_id, e) => errors.push(e)
	);
	return { clock, cuts, errors };
}

describe('VersionClock', () => {
	it('cuts once per interval of activity, not per edit', async () => {
		const { clock, cuts } = clockWith(80);
		clock.noteCommitted([edit('a', 'ann'), edit('a', 'bob')]);
		clock.noteCommitted([edit('a', 'ann')]);
		await sleep(30);
		expect(cuts).toEqual([]);
		await sleep(250);
		await clock.idle();
		expect(cuts).toEqual(['a']);
		clock.noteCommitted([edit('a', 'ann')]);
		await sleep(300);
		await clock.idle();
		expect(cuts).toEqual(['a', 'a']);
		clock.close();
	});

	it('cuts when the last person leaves after an edit, and not again without a new edit', async () => {
		const { clock, cuts } = clockWith(60_000);
		clock.everyoneLeft('a');
		clock.noteCommitted([edit('a', 'ann')]);
		clock.everyoneLeft('a');
		clock.everyoneLeft('a');
		await clock.idle();
		expect(cuts).toEqual(['a']);
		clock.close();
	});

	it('starts again when the cut was left to another instance while edits remain', async () => {
		const cuts: [string, boolean][] = [];
		let again = true;
		const clock = new VersionClock(
			async (id, everyoneLeft) => {
				cuts.push([id, everyoneLeft]);
				return again;
			},
			200,
			() => undefined
		);
		clock.noteCommitted([edit('a', 'ann')]);
		await sleep(300);
		await clock.idle();
		expect(cuts).toEqual([['a', false]]);
		again = false;
		// No new edit here: only the first cut's answer brought the second.
		await sleep(200);
		await clock.idle();
		expect(cuts).toEqual([
			['a', false],
			['a', false]
		]);
		await sleep(300);
		expect(cuts).toHaveLength(2);
		clock.close();
	});

	it('ignores the server’s own changes (no user), and reports a failing cut', async () => {
		const errors: unknown[] = [];
		const clock = new VersionClock(
			() => Promise.reject(new Error('disk full')),
			60_000,
			(_id, e) => errors.push(e)
		);
		clock.noteCommitted([edit('a', null)]);
		clock.everyoneLeft('a');
		await clock.idle();
		expect(errors).toEqual([]);
		clock.noteCommitted([edit('a', 'ann')]);
		clock.everyoneLeft('a');
		await clock.idle();
		expect(errors).toHaveLength(1);
		clock.close();
	});
});

describe('VersionClock with its own clock', () => {
	it('waits the rest when its timer fires before the clock says the version is due', async () => {
		let now = 1_000;
		const cuts: string[] = [];
		const clock = new VersionClock(
			async (id) => void cuts.push(id),
			50,
			() => undefined,
			() => now
		);
		clock.noteCommitted([edit('a', 'ann', 1_000)]);
		now = 1_049; // the timer fires, but by this clock one millisecond early
		await sleep(120);
		expect(cuts).toEqual([]);
		now = 1_050;
		await sleep(120);
		await clock.idle();
		expect(cuts).toEqual(['a']);
		clock.close();
	});
});

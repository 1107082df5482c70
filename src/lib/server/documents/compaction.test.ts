import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LoggedUpdate } from '../db/doc-log';
import { FOLD_CHUNK, foldUpdates } from './compaction';

const TZ = 'Europe/Amsterdam';
const at = (day: string, hour: number) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00+01:00`);

/** Updates of one editing session: each inserts `text` by `userId` at the given time. */
function log(entries: { text: string; userId: string; at: number }[]): LoggedUpdate[] {
	const doc = new Y.Doc();
	return entries.map((e, i) => {
		let update: Uint8Array = new Uint8Array();
		doc.once('update', (u: Uint8Array) => (update = u));
		doc.getText('t').insert(doc.getText('t').length, e.text);
		return { doetankId: 'd', seq: i + 1, update, userId: e.userId, at: e.at };
	});
}

const textOf = (state: Uint8Array) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc.getText('t').toString();
};

describe('foldUpdates', () => {
	it('returns null when the log is empty', async () => {
		expect(await foldUpdates({ snapshot: null, updates: [], contributors: new Map() }, TZ)).toBeNull();
	});

	it('writes one checkpoint per day with that day’s state and contributors', async () => {
		const updates = log([
			{ text: 'a', userId: 'ann', at: at('2026-11-25', 9) },
			{ text: 'b', userId: 'bob', at: at('2026-11-25', 23) },
			{ text: 'c', userId: 'ann', at: at('2026-11-27', 10) },
			{ text: 'd', userId: 'ann', at: at('2026-11-27', 11) }
		]);
		const folded = (await foldUpdates({ snapshot: null, updates, contributors: new Map() }, TZ))!;
		expect(folded.checkpoints.map((c) => [c.day, c.seq, textOf(c.state), c.contributors])).toEqual([
			['2026-11-25', 2, 'ab', ['ann', 'bob']],
			['2026-11-27', 4, 'abcd', ['ann']]
		]);
		expect(folded.snapshot.seq).toBe(4);
		expect(textOf(folded.snapshot.state)).toBe('abcd');
	});

	it('builds on the snapshot and keeps the contributors already recorded for the same day', async () => {
		const updates = log([
			{ text: 'x', userId: 'carl', at: at('2026-11-27', 8) },
			{ text: 'y', userId: 'ann', at: at('2026-11-27', 9) }
		]);
		const first = (await foldUpdates({ snapshot: null, updates: updates.slice(0, 1), contributors: new Map() }, TZ))!;
		const second = (await foldUpdates(
			{ snapshot: first.snapshot.state, updates: updates.slice(1), contributors: new Map([['2026-11-27', ['carl']]]) },
			TZ
		))!;
		expect(second.checkpoints).toHaveLength(1);
		expect(second.checkpoints[0]!.contributors).toEqual(['carl', 'ann']);
		expect(textOf(second.snapshot.state)).toBe('xy');
	});

	it('skips a damaged update, reports it, and folds the rest', async () => {
		const updates = log([
			{ text: 'a', userId: 'ann', at: at('2026-11-27', 8) },
			{ text: 'b', userId: 'ann', at: at('2026-11-27', 9) }
		]);
		const damaged: number[] = [];
		const broken = [
			updates[0]!,
			{ ...updates[0]!, seq: 2, update: new Uint8Array([255, 255, 255]) },
			{ ...updates[1]!, seq: 3 }
		];
		const folded = (await foldUpdates({ snapshot: null, updates: broken, contributors: new Map() }, TZ, (seq) =>
			damaged.push(seq)
		))!;
		expect(damaged).toEqual([2]);
		expect(textOf(folded.snapshot.state)).toBe('ab');
		expect(folded.snapshot.seq).toBe(3);
	});

	it('pauses after every chunk of updates and folds the same as without pauses', async () => {
		const updates = log(
			Array.from({ length: 2 * FOLD_CHUNK + 1 }, (_, i) => ({ text: 'x', userId: 'ann', at: at('2026-11-27', 8) + i }))
		);
		const input = { snapshot: null, updates, contributors: new Map<string, string[]>() };
		// Each pause notes how many updates the fold has applied so far (it reads each one's bytes once).
		let applied = 0;
		const watched = updates.map((u) => ({
			...u,
			get update() {
				applied++;
				return u.update;
			}
		}));
		const seen: number[] = [];
		const pause = async () => void seen.push(applied);
		const paused = (await foldUpdates({ ...input, updates: watched }, TZ, undefined, pause))!;
		const straight = (await foldUpdates(input, TZ))!;
		expect(seen).toEqual([FOLD_CHUNK, 2 * FOLD_CHUNK]);
		expect(textOf(paused.snapshot.state)).toBe(textOf(straight.snapshot.state));
		expect(paused.snapshot.seq).toBe(straight.snapshot.seq);
	});
});

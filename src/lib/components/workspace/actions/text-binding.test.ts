import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftIndex } from './text-binding';

/** The delta of one change to a text holding `before`, and the text after it. */
function deltaOf(before: string, change: (text: Y.Text) => void): { delta: Y.YTextEvent['delta']; after: string } {
	const doc = new Y.Doc();
	const text = doc.getText('t');
	text.insert(0, before);
	let delta: Y.YTextEvent['delta'] = [];
	text.observe((event) => (delta = event.delta));
	doc.transact(() => change(text));
	return { delta, after: text.toString() };
}

describe('shiftIndex (the caret while someone else types in the same field)', () => {
	it('moves with text inserted or deleted before it and stays for changes after it', () => {
		expect(shiftIndex(5, deltaOf('Bel de wethouder', (t) => t.insert(0, 'L2+ ')).delta)).toBe(9);
		expect(shiftIndex(5, deltaOf('Bel de wethouder', (t) => t.insert(10, '!')).delta)).toBe(5);
		expect(shiftIndex(5, deltaOf('Bel de wethouder', (t) => t.delete(0, 4)).delta)).toBe(1);
		expect(shiftIndex(5, deltaOf('Bel de wethouder', (t) => t.delete(3, 6)).delta)).toBe(3);
		expect(shiftIndex(5, deltaOf('Bel de wethouder', (t) => t.insert(5, 'X')).delta)).toBe(6);
	});

	it('keeps the caret next to the same character (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1, maxLength: 20 }),
				fc.nat(),
				fc.nat(),
				fc.nat(5),
				fc.string({ maxLength: 4 }),
				(before, caretSeed, atSeed, remove, insert) => {
					const caret = caretSeed % (before.length + 1);
					const at = atSeed % (before.length + 1);
					const removed = Math.min(remove, before.length - at);
					const { delta, after } = deltaOf(before, (t) => {
						t.delete(at, removed);
						t.insert(at, insert);
					});
					const shifted = shiftIndex(caret, delta);
					if (caret < at) expect(shifted).toBe(caret);
					else if (caret >= at + removed && (removed === 0 || caret > at)) {
						expect(shifted).toBe(caret - removed + insert.length);
						expect(after.slice(shifted)).toBe(before.slice(caret));
					} else {
						// Inside (or at the start of) a replaced range: somewhere in the new text of that range.
						expect(shifted).toBeGreaterThanOrEqual(at);
						expect(shifted).toBeLessThanOrEqual(at + insert.length);
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});

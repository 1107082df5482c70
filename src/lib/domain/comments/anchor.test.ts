import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { probleemdefinitie } from '../workspace/layout';
import { p, text, writeTiptap } from '../workspace/tiptap-fixture';
import { anchorDeleted, decodeAnchorPosition, encodeAnchorPosition, type CommentAnchor } from './anchor';

/** The first paragraph's text, where y-tiptap keeps the characters. */
function paragraphText(fragment: Y.XmlFragment, index = 0): Y.XmlText {
	return (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

function anchorOn(type: Y.Text, from: number, to: number): CommentAnchor {
	return {
		start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(type, from)),
		end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(type, to))
	};
}

function resolved(doc: Y.Doc, encoded: string): number | undefined {
	return Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(encoded)!, doc)?.index;
}

describe('comment anchors', () => {
	it('survives base64 and back', () => {
		const doc = new Y.Doc();
		const type = doc.getText('t');
		type.insert(0, 'abc');
		const anchor = anchorOn(type, 1, 2);
		expect(resolved(doc, anchor.start)).toBe(1);
		expect(resolved(doc, anchor.end)).toBe(2);
	});

	it('refuses strings that are no relative position', () => {
		expect(decodeAnchorPosition('niet-base64!')).toBeNull();
		expect(decodeAnchorPosition('')).toBeNull();
	});

	it('follows text typed before it, on another replica too', () => {
		const doc = new Y.Doc();
		const fragment = writeTiptap(probleemdefinitie(doc), [p(text('Hallo wereld'))]);
		const anchor = anchorOn(paragraphText(fragment), 6, 12);
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		paragraphText(probleemdefinitie(other)).insert(0, 'Nou, ');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		expect(resolved(doc, anchor.start)).toBe(11);
		expect(resolved(doc, anchor.end)).toBe(17);
		expect(anchorDeleted(doc, anchor)).toBe(false);
	});

	it('is gone when all its text is deleted, not when part of it is', () => {
		const doc = new Y.Doc();
		const fragment = writeTiptap(probleemdefinitie(doc), [p(text('Hallo wereld, tot ziens'))]);
		const para = paragraphText(fragment);
		const anchor = anchorOn(para, 6, 12);
		para.delete(6, 3);
		expect(anchorDeleted(doc, anchor)).toBe(false);
		para.delete(6, 3);
		expect(para.toString()).toBe('Hallo , tot ziens');
		expect(anchorDeleted(doc, anchor)).toBe(true);
	});

	it('is gone when its paragraph is removed', () => {
		const doc = new Y.Doc();
		const fragment = writeTiptap(probleemdefinitie(doc), [p(text('Eerste')), p(text('Tweede alinea'))]);
		const anchor = anchorOn(paragraphText(fragment, 1), 0, 6);
		fragment.delete(1, 1);
		expect(anchorDeleted(doc, anchor)).toBe(true);
	});

	it('spanning two paragraphs, stays while either keeps text', () => {
		const doc = new Y.Doc();
		const fragment = writeTiptap(probleemdefinitie(doc), [p(text('Eerste')), p(text('Tweede'))]);
		const anchor = {
			start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(paragraphText(fragment, 0), 2)),
			end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(paragraphText(fragment, 1), 3))
		};
		paragraphText(fragment, 0).delete(2, 4);
		expect(anchorDeleted(doc, anchor)).toBe(false);
	});

	it('does not resolve in a document that lacks its text', () => {
		const doc = new Y.Doc();
		const fragment = writeTiptap(probleemdefinitie(doc), [p(text('Hallo wereld'))]);
		const anchor = anchorOn(paragraphText(fragment), 0, 5);
		expect(anchorDeleted(new Y.Doc(), anchor)).toBe(true);
	});

	/**
	 * Against a model: the text as a list of characters with tombstones, the range from its first
	 * character up to (not including) the character after it. Yjs puts typing right after the live
	 * character before the caret, so the model does the same. The anchor is gone exactly when no
	 * live character is left between its two ends.
	 */
	it('is gone exactly when no character between its ends is left (random edits)', () => {
		const edit = fc.oneof(
			fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
			fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) })
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 12 }),
				fc.nat(),
				fc.nat(),
				fc.array(edit, { maxLength: 25 }),
				(size, a, b, edits) => {
					const from = a % (size - 1);
					const to = from + 1 + (b % (size - from));
					const doc = new Y.Doc();
					const type = doc.getText('t');
					type.insert(0, 'x'.repeat(size));
					const anchor = anchorOn(type, from, to);
					// Model: each original character remembers its index; typed ones get -1.
					const model = Array.from({ length: size }, (_, i) => ({ origin: i, live: true }));
					for (const e of edits) {
						const live = model.filter((c) => c.live).length;
						if (e.kind === 'insert') {
							const at = e.at % (live + 1);
							type.insert(at, 'y'.repeat(e.length));
							let index = 0;
							if (at > 0) {
								let seen = 0;
								index = model.findIndex((c) => c.live && ++seen === at) + 1;
							}
							// Y.Text types after the deleted characters that follow the caret.
							while (index < model.length && !model[index]!.live) index++;
							model.splice(index, 0, ...Array.from({ length: e.length }, () => ({ origin: -1, live: true })));
						} else if (live > 0) {
							const at = e.at % live;
							const length = Math.min(e.length, live - at);
							type.delete(at, length);
							let seen = 0;
							for (const c of model) {
								if (!c.live) continue;
								if (seen >= at && seen < at + length) c.live = false;
								seen++;
							}
						}
					}
					const startAt = model.findIndex((c) => c.origin === from);
					const endAt = to === size ? model.length : model.findIndex((c) => c.origin === to);
					const left = model.slice(startAt, endAt).some((c) => c.live);
					expect(anchorDeleted(doc, anchor)).toBe(!left);
				}
			),
			{ numRuns: 500 }
		);
	});
});

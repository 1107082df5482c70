import { getSchema } from '@tiptap/core';
import { EditorState, Plugin } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { initProseMirrorDoc, ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorDeleted } from '$lib/domain/comments';
import { probleemdefinitie } from '$lib/domain/workspace';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import { anchorOf, anchorRange } from './highlights';

const schema = getSchema([StarterKit]);

/**
 * The editor state a bound Tiptap editor has: the document y-tiptap renders from the fragment, and
 * the sync plugin's binding (fragment, Y.Doc, mapping) that the highlights read. No DOM needed.
 */
function boundState(doc: Y.Doc): EditorState {
	const fragment = probleemdefinitie(doc);
	const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
	const sync = new Plugin({
		key: ySyncPluginKey,
		state: { init: () => ({ binding: { type: fragment, doc, mapping } }), apply: (_tr, v) => v }
	});
	return EditorState.create({ schema, doc: pmDoc, plugins: [sync] });
}

describe('comment highlights in the editor', () => {
	it('place a selection’s anchor where the text is after someone else typed before it', () => {
		const doc = new Y.Doc();
		writeTiptap(probleemdefinitie(doc), [p(text('Kennis gaat verloren')), p(text('Tweede alinea'))]);
		const state = boundState(doc);
		// "gaat" is at 8..12 (1 for the paragraph's opening).
		expect(state.doc.textBetween(8, 12)).toBe('gaat');
		const anchor = anchorOf(state, 8, 12)!;
		expect(anchorRange(state, anchor)).toEqual({ from: 8, to: 12 });

		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		const para = (probleemdefinitie(other).get(0) as Y.XmlElement).get(0) as Y.XmlText;
		para.insert(0, 'Veel ');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		const after = boundState(doc);
		const range = anchorRange(after, anchor)!;
		expect(after.doc.textBetween(range.from, range.to)).toBe('gaat');
		expect(anchorDeleted(doc, anchor)).toBe(false);
	});

	it('spans paragraphs, and has no range once its text is deleted', () => {
		const doc = new Y.Doc();
		writeTiptap(probleemdefinitie(doc), [p(text('Eerste')), p(text('Tweede'))]);
		const state = boundState(doc);
		const across = anchorOf(state, 4, 12)!;
		const range = anchorRange(state, across)!;
		expect(state.doc.textBetween(range.from, range.to, ' ')).toBe('ste Twe');

		const word = anchorOf(state, 1, 7)!;
		((probleemdefinitie(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 6);
		expect(anchorRange(boundState(doc), word)).toBeNull();
		expect(anchorDeleted(doc, word)).toBe(true);
	});
});

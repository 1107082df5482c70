import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	canvasField,
	canvasMap,
	DOETANK_CANVAS_ID,
	ensureDoetankCanvas,
	readCanvas,
	setCanvasStrategy
} from './canvases';
import { probleemdefinitie } from './layout';
import { fragmentToMarkdown } from './markdown';
import { restoreCanvas, restoreFragment } from './restore';
import { p, text, writeTiptap } from './tiptap-fixture';

/** A copy of the document as a checkpoint would give it back. */
const checkpoint = (doc: Y.Doc): Y.Doc => {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
};

describe('restore', () => {
	it('brings an old probleemdefinitie back as a new change that can be undone', () => {
		const doc = new Y.Doc();
		writeTiptap(probleemdefinitie(doc), [
			{ type: 'heading', attrs: { level: 2 }, content: [text('Probleem')] },
			p(text('Gisteren ', 'italic'), text('geschreven'))
		]);
		const yesterday = checkpoint(doc);
		const current = probleemdefinitie(doc);
		current.delete(0, current.length);
		writeTiptap(current, [p(text('Vandaag herschreven'))]);

		const origin = { restore: true };
		const undo = new Y.UndoManager(current, { trackedOrigins: new Set([origin]) });
		restoreFragment(current, probleemdefinitie(yesterday), origin);
		expect(fragmentToMarkdown(current)).toBe('## Probleem\n\n*Gisteren* geschreven');
		expect(fragmentToMarkdown(probleemdefinitie(yesterday))).toBe('## Probleem\n\n*Gisteren* geschreven');
		undo.undo();
		expect(fragmentToMarkdown(current)).toBe('Vandaag herschreven');
	});

	it('restores every field and the strategy of a canvas from an older version', () => {
		const doc = new Y.Doc();
		ensureDoetankCanvas(doc);
		writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'baten'), [p(text('Rust in het gezin'))]);
		setCanvasStrategy(doc, DOETANK_CANVAS_ID, 'indirect');
		const old = checkpoint(doc);
		const baten = canvasField(doc, DOETANK_CANVAS_ID, 'baten');
		baten.delete(0, baten.length);
		writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'kosten'), [p(text('Nieuw'))]);
		setCanvasStrategy(doc, DOETANK_CANVAS_ID, null);

		const before = readCanvas(old, DOETANK_CANVAS_ID);
		restoreCanvas(doc, DOETANK_CANVAS_ID, canvasMap(old, DOETANK_CANVAS_ID));
		expect(readCanvas(doc, DOETANK_CANVAS_ID)).toEqual(before);
		expect(readCanvas(doc, DOETANK_CANVAS_ID)?.fields.baten).toBe('Rust in het gezin');
	});

	it('keeps a paragraph another client added meanwhile (edits inside replaced paragraphs do not survive)', () => {
		const a = new Y.Doc();
		writeTiptap(probleemdefinitie(a), [p(text('versie 1'))]);
		const old = checkpoint(a);
		probleemdefinitie(a).delete(0, 1);
		writeTiptap(probleemdefinitie(a), [p(text('versie 2'))]);
		const b = checkpoint(a);
		restoreFragment(probleemdefinitie(a), probleemdefinitie(old));
		const added = new Y.XmlElement('paragraph');
		added.insert(0, [new Y.XmlText('extra van B')]);
		probleemdefinitie(b).insert(1, [added]);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(fragmentToMarkdown(probleemdefinitie(a))).toBe(fragmentToMarkdown(probleemdefinitie(b)));
		expect(fragmentToMarkdown(probleemdefinitie(a))).toContain('versie 1');
		expect(fragmentToMarkdown(probleemdefinitie(a))).toContain('extra van B');
	});
});

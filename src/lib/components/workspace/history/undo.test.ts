import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	canvasesMap,
	canvasField,
	createPilotCanvas,
	fragmentToMarkdown,
	probleemdefinitie,
	readCanvas,
	removeCanvas,
	restoreFragment
} from '$lib/domain/workspace';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import { UndoableChanges } from './undo';

const copy = (doc: Y.Doc) => {
	const other = new Y.Doc();
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	return other;
};
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('UndoableChanges', () => {
	it('undoes a restore and nothing typed before it', () => {
		const doc = new Y.Doc();
		const text1 = probleemdefinitie(doc);
		writeTiptap(text1, [p(text('gisteren'))]);
		const yesterday = copy(doc);
		text1.delete(0, text1.length);
		writeTiptap(text1, [p(text('vandaag'))]);
		const changes = new UndoableChanges(doc, text1);
		expect(changes.canUndo()).toBe(false);

		changes.run((origin) => restoreFragment(text1, probleemdefinitie(yesterday), origin));
		expect(fragmentToMarkdown(text1)).toBe('gisteren');
		expect(changes.canUndo()).toBe(true);
		expect(changes.undo()).toBe(true);
		expect(fragmentToMarkdown(text1)).toBe('vandaag');
		expect(changes.undo()).toBe(false);
		changes.destroy();
	});

	it('keeps two quick changes as two steps', () => {
		const doc = new Y.Doc();
		const first = createPilotCanvas(doc, 'Gemeente A');
		const second = createPilotCanvas(doc, 'Gemeente B');
		const changes = new UndoableChanges(doc, canvasesMap(doc));
		changes.run(() => removeCanvas(doc, first));
		changes.run(() => removeCanvas(doc, second));
		changes.undo();
		expect(readCanvas(doc, second)?.name).toBe('Gemeente B');
		expect(readCanvas(doc, first)).toBeNull();
	});

	it('brings a removed canvas back with its texts, on every replica', () => {
		const doc = new Y.Doc();
		const id = createPilotCanvas(doc, 'Gemeente Utrecht');
		writeTiptap(canvasField(doc, id, 'kosten'), [p(text('twee fte'))]);
		const other = copy(doc);
		const changes = new UndoableChanges(doc, canvasesMap(doc));

		changes.run(() => removeCanvas(doc, id));
		writeTiptap(canvasField(other, id, 'baten'), [p(text('rust'))]);
		sync(other, doc);
		expect(readCanvas(doc, id)).toBeNull();

		changes.undo();
		sync(doc, other);
		for (const replica of [doc, other]) {
			expect(readCanvas(replica, id)).toMatchObject({ name: 'Gemeente Utrecht', fields: { kosten: 'twee fte' } });
		}
		// Typing afterwards is no step of the panel.
		writeTiptap(canvasField(doc, id, 'interventie'), [p(text('nieuw'))]);
		expect(changes.canUndo()).toBe(false);
	});
});

describe('UndoableChanges onUndo', () => {
	it('runs the step’s callback when exactly that step is undone', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		const changes = new UndoableChanges(doc, text);
		const undone: string[] = [];
		changes.run(
			() => text.insert(0, 'a'),
			() => undone.push('a')
		);
		changes.run(() => text.insert(1, 'b'));
		expect(changes.undo()).toBe(true);
		expect(undone).toEqual([]);
		expect(changes.undo()).toBe(true);
		expect(undone).toEqual(['a']);
		expect(changes.undo()).toBe(false);
		changes.destroy();
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { probleemdefinitie } from './layout';
import { fragmentToMarkdown } from './markdown';
import { writeParagraphs } from './paragraphs';
import { p, text, writeTiptap } from './tiptap-fixture';

describe('writeParagraphs', () => {
	it('stores paragraphs exactly as the editor would', () => {
		const lines = ['Veel kennis gaat verloren.', 'Wie merkt dat het eerst?'];
		const ours = probleemdefinitie(new Y.Doc());
		writeParagraphs(ours, lines);
		const editors = probleemdefinitie(new Y.Doc());
		writeTiptap(
			editors,
			lines.map((line) => p(text(line)))
		);
		expect(ours.toJSON()).toBe(editors.toJSON());
		expect(fragmentToMarkdown(ours)).toBe('Veel kennis gaat verloren.\n\nWie merkt dat het eerst?');
	});

	it('appends after what is there, and writes nothing for no paragraphs', () => {
		const fragment = probleemdefinitie(new Y.Doc());
		writeParagraphs(fragment, []);
		expect(fragment.length).toBe(0);
		writeParagraphs(fragment, ['Eerst']);
		writeParagraphs(fragment, ['Daarna']);
		expect(fragmentToMarkdown(fragment)).toBe('Eerst\n\nDaarna');
	});

	it('keeps text that looks like Markdown as plain text', () => {
		const fragment = probleemdefinitie(new Y.Doc());
		writeParagraphs(fragment, ['# geen kop, *geen nadruk*']);
		expect(fragment.toArray()).toHaveLength(1);
		expect((fragment.get(0) as Y.XmlElement).nodeName).toBe('paragraph');
		expect((fragment.get(0) as Y.XmlElement).get(0).toString()).toBe('# geen kop, *geen nadruk*');
	});
});

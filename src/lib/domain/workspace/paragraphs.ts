import * as Y from 'yjs';

/**
 * Appends plain paragraphs to a rich-text fragment in the shape the editor stores them
 * (Tiptap's `paragraph` nodes holding text), so server-side content such as the demo network's
 * probleemdefinities needs no editor to write it.
 */
export function writeParagraphs(fragment: Y.XmlFragment, paragraphs: readonly string[]): void {
	const nodes = paragraphs.map((line) => {
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(line)]);
		return paragraph;
	});
	fragment.insert(fragment.length, nodes);
}

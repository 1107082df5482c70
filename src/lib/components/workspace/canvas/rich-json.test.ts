import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import { fragmentToJSON } from './rich-json';

describe('fragmentToJSON', () => {
	it('gives the blocks, attributes and marks the editor wrote', () => {
		const fragment = new Y.Doc().getXmlFragment('f');
		writeTiptap(fragment, [
			{ type: 'heading', attrs: { level: 3 }, content: [text('Kop')] },
			p(text('vet', 'bold'), text(' en '), text('link', ['link', { href: 'https://voorbeeld.nl' }])),
			{ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('punt'))] }] }
		]);
		const blocks = fragmentToJSON(fragment);
		expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList']);
		expect(blocks[0]).toMatchObject({ attrs: { level: 3 }, content: [{ type: 'text', text: 'Kop' }] });
		expect(blocks[1]?.content).toEqual([
			{ type: 'text', text: 'vet', marks: [{ type: 'bold' }] },
			{ type: 'text', text: ' en ' },
			{
				type: 'text',
				text: 'link',
				marks: [{ type: 'link', attrs: expect.objectContaining({ href: 'https://voorbeeld.nl' }) }]
			}
		]);
		expect(blocks[2]?.content?.[0]?.content?.[0]?.content?.[0]?.text).toBe('punt');
	});

	it('strips the suffix y-tiptap gives overlapping marks of one kind', () => {
		const fragment = new Y.Doc().getXmlFragment('f');
		const paragraph = new Y.XmlElement('paragraph');
		fragment.insert(0, [paragraph]);
		const words = new Y.XmlText();
		paragraph.insert(0, [words]);
		words.insert(0, 'twee links', { 'link--AbCd1234': { href: 'https://a.nl' } });
		expect(fragmentToJSON(fragment)[0]?.content).toEqual([
			{ type: 'text', text: 'twee links', marks: [{ type: 'link', attrs: { href: 'https://a.nl' } }] }
		]);
	});

	it('gives nothing for a missing or empty text, and never changes the document it reads', () => {
		expect(fragmentToJSON(null)).toEqual([]);
		const doc = new Y.Doc();
		expect(fragmentToJSON(doc.getXmlFragment('f'))).toEqual([]);
		const odd = new Y.XmlElement('marquee');
		doc.getXmlFragment('f').insert(0, [odd]);
		odd.insert(0, [new Y.XmlText('oud')]);
		const before = Y.encodeStateVector(doc);
		expect(fragmentToJSON(doc.getXmlFragment('f'))).toEqual([
			{ type: 'marquee', content: [{ type: 'text', text: 'oud' }] }
		]);
		expect(Y.encodeStateVector(doc)).toEqual(before);
	});
});

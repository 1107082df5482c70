import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToMarkdown } from './markdown';
import { p, text, writeTiptap } from './tiptap-fixture';

const markdown = (...content: Parameters<typeof writeTiptap>[1]) =>
	fragmentToMarkdown(writeTiptap(new Y.Doc().getXmlFragment('x'), content));

const list = (type: 'bulletList' | 'orderedList', items: Parameters<typeof writeTiptap>[1][], attrs = {}) => ({
	type,
	attrs,
	content: items.map((content) => ({ type: 'listItem', content }))
});

describe('fragmentToMarkdown', () => {
	it('renders an empty editor (one empty paragraph) as an empty string', () => {
		expect(markdown({ type: 'paragraph' })).toBe('');
		expect(fragmentToMarkdown(new Y.Doc().getXmlFragment('x'))).toBe('');
	});

	it('renders headings and paragraphs separated by blank lines, with a heading offset on request', () => {
		const content = [
			{ type: 'heading', attrs: { level: 2 }, content: [text('Voor wie')] },
			p(text('Burgers met schulden.')),
			{ type: 'paragraph' },
			p(text('Tweede alinea.'))
		];
		expect(markdown(...content)).toBe('## Voor wie\n\nBurgers met schulden.\n\nTweede alinea.');
		const fragment = writeTiptap(new Y.Doc().getXmlFragment('x'), content);
		expect(fragmentToMarkdown(fragment, { headingOffset: 3 })).toBe(
			'##### Voor wie\n\nBurgers met schulden.\n\nTweede alinea.'
		);
		expect(markdown({ type: 'heading', attrs: { level: 6 }, content: [text('x')] })).toBe('###### x');
	});

	it('renders bold, italic, nested marks and links, keeping delimiters next to the words', () => {
		expect(
			markdown(
				p(
					text('Dit is '),
					text('heel ', 'bold'),
					text('erg', 'bold', 'italic'),
					text(' belangrijk', 'bold'),
					text(', zie '),
					text('de site', ['link', { href: 'https://example.org/a_b' }]),
					text('.')
				)
			)
		).toBe('Dit is **heel *erg* belangrijk**, zie [de site](https://example.org/a_b).');
		expect(
			markdown(
				p(text('link ', ['link', { href: 'https://x.nl' }]), text('vet', 'bold', ['link', { href: 'https://x.nl' }]))
			)
		).toBe('[link **vet**](https://x.nl)');
	});

	it('escapes Markdown syntax typed as text', () => {
		expect(markdown(p(text('2 * 3 = 6 en [a]_b_ \\ `c`')))).toBe('2 \\* 3 = 6 en \\[a\\]\\_b\\_ \\\\ \\`c\\`');
		expect(markdown(p(text('# geen kop')), p(text('- geen lijst')), p(text('1. geen lijst')))).toBe(
			'\\# geen kop\n\n\\- geen lijst\n\n1\\. geen lijst'
		);
	});

	it('renders bullet and ordered lists, nested lists and multi-paragraph items', () => {
		expect(
			markdown(list('bulletList', [[p(text('een'))], [p(text('twee')), list('bulletList', [[p(text('diep'))]])]]))
		).toBe('- een\n- twee\n  - diep');
		expect(markdown(list('orderedList', [[p(text('a'))], [p(text('b')), p(text('meer over b'))]], { start: 3 }))).toBe(
			'3. a\n4. b\n\n   meer over b'
		);
		expect(markdown(list('bulletList', [[{ type: 'paragraph' }]]))).toBe('-');
	});

	it('renders blockquotes, code, rules and hard breaks', () => {
		expect(markdown({ type: 'blockquote', content: [p(text('citaat')), p(text('verder'))] })).toBe(
			'> citaat\n>\n> verder'
		);
		expect(markdown({ type: 'codeBlock', attrs: { language: 'ts' }, content: [text('a *b*\nc')] })).toBe(
			'```ts\na *b*\nc\n```'
		);
		expect(markdown(p(text('x', 'code'), text(' en '), text('weg', 'strike')))).toBe('`x` en ~~weg~~');
		expect(markdown({ type: 'horizontalRule' }, p(text('a'), { type: 'hardBreak' }, text('b')))).toBe('---\n\na\\\nb');
	});

	it('follows live edits of the fragment', () => {
		const fragment = writeTiptap(new Y.Doc().getXmlFragment('x'), [p(text('oud'))]);
		const paragraph = fragment.get(0) as Y.XmlElement;
		(paragraph.get(0) as Y.XmlText).insert(3, ' en nieuw', { italic: {} });
		expect(fragmentToMarkdown(fragment)).toBe('oud *en nieuw*');
	});
});

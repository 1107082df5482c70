import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import { fragmentToJSON } from './rich-json';
import RichTextView from './RichTextView.svelte';

/** The rendered HTML without Svelte's hydration comments. */
const html = (content: Parameters<typeof writeTiptap>[1], headingOffset = 0) => {
	const fragment = writeTiptap(new Y.Doc().getXmlFragment('f'), content);
	return render(RichTextView, { props: { nodes: fragmentToJSON(fragment), headingOffset } }).body.replace(
		/<!--[^>]*-->/g,
		''
	);
};

describe('RichTextView', () => {
	it('renders blocks and nested marks as the editor shows them', () => {
		expect(
			html(
				[
					{ type: 'heading', attrs: { level: 3 }, content: [text('Kop')] },
					p(text('Heel '), text('vet en schuin', 'bold', 'italic'), text(' gewoon')),
					{ type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('drie'))] }] },
					{ type: 'blockquote', content: [p(text('citaat'), { type: 'hardBreak' }, text('regel'))] }
				],
				1
			)
		).toBe(
			'<h4>Kop</h4><p>Heel <strong><em>vet en schuin</em></strong> gewoon</p><ol start="3"><li><p>drie</p></li></ol><blockquote><p>citaat<br/>regel</p></blockquote>'
		);
	});

	it('escapes text and only links web and mail addresses', () => {
		expect(
			html([
				p(
					text('<script>', 'bold'),
					text(' web', ['link', { href: 'https://voorbeeld.nl/a?b=1&c=2' }]),
					text(' mail', ['link', { href: 'mailto:a@b.nl' }]),
					text(' kwaad', ['link', { href: 'javascript:alert(1)' }])
				)
			])
		).toBe(
			'<p><strong>&lt;script></strong><a href="https://voorbeeld.nl/a?b=1&amp;c=2" rel="noopener noreferrer nofollow"> web</a><a href="mailto:a@b.nl" rel="noopener noreferrer nofollow"> mail</a> kwaad</p>'
		);
	});
});

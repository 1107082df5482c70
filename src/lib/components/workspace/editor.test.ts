import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { moveToDocumentEdge, normaliseHref } from './editor';

describe('normaliseHref', () => {
	it.each([
		['voorbeeld.nl', 'https://voorbeeld.nl/'],
		['  https://www.slimmernetwerk.nl/doetanks ', 'https://www.slimmernetwerk.nl/doetanks'],
		['http://gemeente.nl/a?b=c', 'http://gemeente.nl/a?b=c'],
		['mailto:trekker@gemeente.nl', 'mailto:trekker@gemeente.nl']
	])('%j → %s', (input, expected) => {
		expect(normaliseHref(input)).toBe(expected);
	});

	it.each(['', '   ', 'javascript:alert(1)', 'data:text/html,hoi', 'verslag', 'https://', 'ftp://bestand.nl/x'])(
		'refuses %j',
		(input) => {
			expect(normaliseHref(input)).toBeNull();
		}
	);
});

describe('moveToDocumentEdge (Ctrl+Home / Ctrl+End)', () => {
	const schema = getSchema([StarterKit]);
	const doc = schema.node('doc', null, [
		schema.node('heading', { level: 3 }, [schema.text('Kop')]),
		schema.node('paragraph', null, [schema.text('Eerste regel')]),
		schema.node('paragraph', null, [schema.text('Laatste')])
	]);
	const at = (pos: number) => EditorState.create({ doc, selection: TextSelection.create(doc, pos) });

	it('puts the caret at the start or end of the whole text', () => {
		const middle = at(8);
		expect(moveToDocumentEdge(middle.tr, 'start', false).selection.from).toBe(1);
		const end = moveToDocumentEdge(middle.tr, 'end', false).selection;
		expect([end.from, end.to]).toEqual([doc.content.size - 1, doc.content.size - 1]);
	});

	it('with Shift selects from the caret to there', () => {
		const middle = at(8);
		const up = moveToDocumentEdge(middle.tr, 'start', true).selection;
		expect([up.anchor, up.head]).toEqual([8, 1]);
		const down = moveToDocumentEdge(middle.tr, 'end', true).selection;
		expect([down.anchor, down.head]).toEqual([8, doc.content.size - 1]);
		expect(doc.textBetween(down.from, down.to)).toBe('rste regelLaatste');
	});
});

import { getSchema, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/**
 * Test support only: writes a Tiptap document into a Y.XmlFragment exactly as the editor's
 * Collaboration extension does (same schema, same y-tiptap binding).
 */
const schema = getSchema([StarterKit]);

export function writeTiptap(fragment: Y.XmlFragment, content: JSONContent[]): Y.XmlFragment {
	prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, fragment);
	return fragment;
}

export const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
export const text = (value: string, ...marks: (string | [string, Record<string, unknown>])[]): JSONContent => ({
	type: 'text',
	text: value,
	...(marks.length
		? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : { type: m[0], attrs: m[1] })) }
		: {})
});

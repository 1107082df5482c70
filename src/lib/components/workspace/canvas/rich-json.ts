import * as Y from 'yjs';

/** A node of a rich text as Tiptap's JSON has it (paragraph, heading, text with marks...). */
export interface RichNode {
	type: string;
	attrs?: Record<string, unknown>;
	content?: RichNode[];
	text?: string;
	marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** y-tiptap stores overlapping marks of one kind as `<mark>--<hash>`. */
const HASHED_MARK = /--[a-zA-Z0-9+/=]{8}$/;

type Delta = { insert?: unknown; attributes?: Record<string, unknown> }[];

function textNodes(text: Y.XmlText): RichNode[] {
	return (text.toDelta() as Delta).flatMap((op) => {
		if (typeof op.insert !== 'string') return [];
		const marks = Object.entries(op.attributes ?? {})
			.filter(([, attrs]) => attrs !== null && attrs !== undefined)
			.map(([name, attrs]) => ({
				type: name.replace(HASHED_MARK, ''),
				...(typeof attrs === 'object' && Object.keys(attrs as object).length > 0
					? { attrs: attrs as Record<string, unknown> }
					: {})
			}));
		return [{ type: 'text', text: op.insert, ...(marks.length > 0 ? { marks } : {}) }];
	});
}

function nodes(parent: Y.XmlFragment | Y.XmlElement): RichNode[] {
	return parent.toArray().flatMap((child): RichNode[] => {
		if (child instanceof Y.XmlText) return textNodes(child);
		if (!(child instanceof Y.XmlElement)) return [];
		const attrs = child.getAttributes();
		return [{ type: child.nodeName, ...(Object.keys(attrs).length > 0 ? { attrs } : {}), content: nodes(child) }];
	});
}

/**
 * The blocks of a rich text as Tiptap-style JSON, to show it without an editor: on the server (print
 * view) and for versions from the history. Only reads: y-tiptap's own converters repair the
 * document they read (they delete nodes their schema does not know).
 */
export function fragmentToJSON(fragment: Y.XmlFragment | null): RichNode[] {
	return fragment ? nodes(fragment) : [];
}

import * as Y from 'yjs';

/**
 * Where a comment points: a pair of Yjs relative positions (base64 of `Y.encodeRelativePosition`),
 * so the range follows everyone's edits, plus the text it covered when the comment was made.
 */
export interface CommentAnchor {
	start: string;
	end: string;
}

export function encodeAnchorPosition(position: Y.RelativePosition): string {
	let binary = '';
	for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** The relative position behind a stored anchor end, or null when it is not one. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
	try {
		const binary = atob(encoded);
		const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
		return Y.decodeRelativePosition(bytes);
	} catch {
		return null;
	}
}

/** Whether a string decodes to a relative position (the API refuses anything else). */
export const isAnchorPosition = (encoded: string): boolean => decodeAnchorPosition(encoded) !== null;

/** Whether a type or one of its ancestors was deleted (a removed paragraph, list or canvas). */
function removed(type: Y.AbstractType<unknown>): boolean {
	for (let item = type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) {
		if (item.deleted) return true;
	}
	return false;
}

/**
 * Whether the anchored text is gone: both ends lie in removed paragraphs, or both resolve to the
 * same place (every character between them was deleted). A range that only shrank is still there.
 * A position that does not resolve (bytes of another document, or text this replica has not
 * received yet) counts as gone; the caller judges again after every change.
 */
export function anchorDeleted(doc: Y.Doc, anchor: CommentAnchor): boolean {
	const start = decodeAnchorPosition(anchor.start);
	const end = decodeAnchorPosition(anchor.end);
	if (!start || !end) return true;
	const from = Y.createAbsolutePositionFromRelativePosition(start, doc);
	const to = Y.createAbsolutePositionFromRelativePosition(end, doc);
	if (!from || !to) return true;
	if (removed(from.type) && removed(to.type)) return true;
	return from.type === to.type && from.index >= to.index;
}

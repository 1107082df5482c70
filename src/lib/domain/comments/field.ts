import * as Y from 'yjs';
import { canvasesMap, probleemdefinitie } from '../workspace/layout';
import { BUSINESS_CASE_FIELD_KEYS, type BusinessCaseFieldKey } from '../workspace/business-case-fields';

/**
 * Which rich text a comment is anchored in: `probleemdefinitie`, or `canvas/<canvasId>/<fieldKey>`
 * for a field of a business-case canvas. A plain string, so the database and the API need no
 * knowledge of the document's layout.
 */
export type CommentField = string;

export const PROBLEEMDEFINITIE_FIELD = 'probleemdefinitie';

/** Canvas ids are `doetank`, `personal:<userId>`, `pilot:<random>` and whatever later levels add. */
const CANVAS_ID = /^[A-Za-z0-9:_-]{1,100}$/;

export type ParsedField =
	{ kind: 'probleemdefinitie' } | { kind: 'canvas'; canvasId: string; key: BusinessCaseFieldKey };

export const canvasCommentField = (canvasId: string, key: BusinessCaseFieldKey): CommentField =>
	`canvas/${canvasId}/${key}`;

export function parseCommentField(field: string): ParsedField | null {
	if (field === PROBLEEMDEFINITIE_FIELD) return { kind: 'probleemdefinitie' };
	const parts = field.split('/');
	if (parts.length !== 3 || parts[0] !== 'canvas') return null;
	const [, canvasId, key] = parts as [string, string, string];
	if (!CANVAS_ID.test(canvasId)) return null;
	if (!(BUSINESS_CASE_FIELD_KEYS as readonly string[]).includes(key)) return null;
	return { kind: 'canvas', canvasId, key: key as BusinessCaseFieldKey };
}

export const isCommentField = (field: string): boolean => parseCommentField(field) !== null;

/** The fragment a field names in this document, or null when it is not (or no longer) there. */
export function commentFragment(doc: Y.Doc, field: CommentField): Y.XmlFragment | null {
	const parsed = parseCommentField(field);
	if (!parsed) return null;
	if (parsed.kind === 'probleemdefinitie') return probleemdefinitie(doc);
	const canvas = canvasesMap(doc).get(parsed.canvasId);
	if (!(canvas instanceof Y.Map)) return null;
	const fields = canvas.get('fields');
	const fragment = fields instanceof Y.Map ? fields.get(parsed.key) : undefined;
	return fragment instanceof Y.XmlFragment ? fragment : null;
}

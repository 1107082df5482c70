import * as Y from 'yjs';
import { BUSINESS_CASE_FIELD_KEYS, isStrategyKey } from './business-case-fields';
import { canvasField, canvasMap, fieldOf } from './canvases';

/**
 * Restoring an older version writes its content as one new change on top of the current one:
 * nothing is lost (history still has the version before), and an undo manager that tracks
 * `origin` can undo the restore like any other edit.
 */
function replaceContent(target: Y.XmlFragment, source: Y.XmlFragment | null): void {
	if (target.length > 0) target.delete(0, target.length);
	const nodes = (source?.toArray() ?? []).filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText);
	if (nodes.length > 0)
		target.insert(
			0,
			nodes.map((node) => node.clone())
		);
}

/** Replaces the text of `target` by a copy of `source`, e.g. the probleemdefinitie of a checkpoint. */
export function restoreFragment(target: Y.XmlFragment, source: Y.XmlFragment, origin: unknown = null): void {
	const doc = target.doc;
	if (!doc) throw new Error('The target fragment is not part of a document');
	doc.transact(() => replaceContent(target, source), origin);
}

/** Restores every field and the chosen strategy of a canvas from an older version of it. */
export function restoreCanvas(doc: Y.Doc, id: string, source: Y.Map<unknown>, origin: unknown = null): void {
	const canvas = canvasMap(doc, id);
	doc.transact(() => {
		for (const key of BUSINESS_CASE_FIELD_KEYS) replaceContent(canvasField(doc, id, key), fieldOf(source, key));
		const strategy = isStrategyKey(source.get('strategy')) ? source.get('strategy') : null;
		if (canvas.get('strategy') !== strategy) canvas.set('strategy', strategy);
	}, origin);
}

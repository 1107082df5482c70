import * as Y from 'yjs';
import { WorkspaceError } from './errors';
import { actionsMap, metaMap, nestedMaps } from './layout';

/**
 * The texts of an action (layout version 2, docs/ydoc-layout.md "Action texts"). Each text is a
 * `Y.Text` under `<field>Text`, typed live character by character. The version-1 string under
 * `<field>` stays: new clients write it only when they create an action, so an app still running
 * the old code shows a title; any later change of it comes from such an old client. `<field>Base`
 * is the string the Y.Text last took in, so an old client's change is the difference between
 * `<field>Base` and `<field>`, and it is merged into the text instead of overwriting it.
 */
export const ACTION_TEXT_FIELDS = ['title', 'note'] as const;
export type ActionTextField = (typeof ACTION_TEXT_FIELDS)[number];

/** The layout version that brought the texts (schema.ts). */
const TEXT_LAYOUT_VERSION = 2;

export const textKey = (field: ActionTextField) => `${field}Text` as const;
export const baseKey = (field: ActionTextField) => `${field}Base` as const;

interface Edit {
	/** Start and end of the replaced range in the base string. */
	from: number;
	to: number;
	insert: string;
}

/** The one contiguous change from `base` to `next` (common prefix and suffix kept). */
export function editBetween(base: string, next: string, caret?: number): Edit {
	// The suffix must not reach before the caret: typing "a" into "aa" after the first "a" inserts there.
	const maxSuffix = Math.min(base.length, next.length, caret === undefined ? next.length : next.length - caret);
	let suffix = 0;
	while (suffix < maxSuffix && base[base.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
	const maxPrefix = Math.min(base.length, next.length) - suffix;
	let prefix = 0;
	while (prefix < maxPrefix && base[prefix] === next[prefix]) prefix++;
	return { from: prefix, to: base.length - suffix, insert: next.slice(prefix, next.length - suffix) };
}

/**
 * Three-way merge of two edits of one string, with the semantics of concurrent Y.Text edits: both
 * insertions are kept (`theirs` first where they meet) and what either side deleted is gone.
 */
export function mergeTexts(base: string, theirs: string, mine: string): string {
	if (theirs === base) return mine;
	if (mine === base || mine === theirs) return theirs;
	const a = editBetween(base, theirs);
	const b = editBetween(base, mine);
	if (a.to <= b.from) return base.slice(0, a.from) + a.insert + base.slice(a.to, b.from) + b.insert + base.slice(b.to);
	if (b.to <= a.from) return base.slice(0, b.from) + b.insert + base.slice(b.to, a.from) + a.insert + base.slice(a.to);
	return base.slice(0, Math.min(a.from, b.from)) + a.insert + b.insert + base.slice(Math.max(a.to, b.to));
}

const stringAt = (map: Y.Map<unknown>, key: string): string => {
	const value = map.get(key);
	return typeof value === 'string' ? value : '';
};

/** What readers show: the text, with an old client's unmerged change of the string merged in. */
export function readActionText(map: Y.Map<unknown>, field: ActionTextField): string {
	const legacy = stringAt(map, field);
	const text = map.get(textKey(field));
	if (!(text instanceof Y.Text)) return legacy;
	const base = map.get(baseKey(field));
	const current = text.toString();
	return typeof base === 'string' && base !== legacy ? mergeTexts(base, legacy, current) : current;
}

/** The fields of a new action's texts (inside the transaction that creates the action map). */
export function writeNewActionText(item: Y.Map<unknown>, field: ActionTextField, value: string): void {
	item.set(field, value);
	item.set(textKey(field), new Y.Text(value));
	item.set(baseKey(field), value);
}

/**
 * Gives one action the version-2 shape: a missing text is created from the string, an old client's
 * change of the string is merged into the text. Writes only what differs, and every client
 * computes the same result from the same state, so concurrent runs converge (last writer wins on
 * a map entry with the same content). Returns whether it wrote.
 */
function reconcileAction(item: Y.Map<unknown>): boolean {
	let wrote = false;
	for (const field of ACTION_TEXT_FIELDS) {
		const legacy = stringAt(item, field);
		const text = item.get(textKey(field));
		const base = item.get(baseKey(field));
		if (text instanceof Y.Text && base === legacy) continue;
		const merged = text instanceof Y.Text ? readActionText(item, field) : legacy;
		// A fresh text rather than an edit of the old one: two clients making the same edit would
		// both insert it, while two fresh texts with the same content converge to one.
		if (!(text instanceof Y.Text) || merged !== text.toString()) item.set(textKey(field), new Y.Text(merged));
		item.set(baseKey(field), legacy);
		wrote = true;
	}
	return wrote;
}

/** Runs `reconcileAction` on every action; the migration step 1 → 2 and the repair after an old client's edit. */
export function reconcileActionTexts(doc: Y.Doc): boolean {
	let wrote = false;
	for (const [, item] of nestedMaps(actionsMap(doc))) wrote = reconcileAction(item) || wrote;
	return wrote;
}

/**
 * Merges changes an old client makes to the strings while this client is open: after every
 * remote transaction that touched a title or note string, `reconcileActionTexts` runs with `origin`.
 * Only for writers; returns the function that stops watching.
 */
export function watchLegacyActionEdits(doc: Y.Doc, origin: unknown): () => void {
	const actions = actionsMap(doc);
	const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
		// Before its migration a client must not create texts: the migrated copy it has not yet seen would collide.
		const version = metaMap(doc).get('schemaVersion');
		if (transaction.local || typeof version !== 'number' || version < TEXT_LAYOUT_VERSION) return;
		const touched = events.some(
			(event) =>
				event.target instanceof Y.Map &&
				event.target.parent === actions &&
				ACTION_TEXT_FIELDS.some((field) => event.changes.keys.has(field))
		);
		if (touched) doc.transact(() => reconcileActionTexts(doc), origin);
	};
	actions.observeDeep(handler);
	return () => actions.unobserveDeep(handler);
}

/** The live text of one field of an action, or null while the document is still at version 1. */
export function actionText(doc: Y.Doc, id: string, field: ActionTextField): Y.Text | null {
	const item = actionsMap(doc).get(id);
	if (!(item instanceof Y.Map)) throw new WorkspaceError('not_found', id);
	const text = item.get(textKey(field));
	return text instanceof Y.Text ? text : null;
}

/** Replaces the whole text by `value` with the smallest edit, so concurrent typing elsewhere in it survives. */
export function replaceText(text: Y.Text, value: string): void {
	const { from, to, insert } = editBetween(text.toString(), value);
	const apply = () => {
		if (to > from) text.delete(from, to - from);
		if (insert) text.insert(from, insert);
	};
	if (text.doc) text.doc.transact(apply);
	else apply();
}

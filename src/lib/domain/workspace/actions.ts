import * as Y from 'yjs';
import { isDay } from '../calendar';
import { readActionText, replaceText, textKey, writeNewActionText } from './action-text';
import { WorkspaceError } from './errors';
import {
	actionsMap,
	compareStrings,
	nestedMaps,
	newId,
	readNullableString,
	readString,
	type CreateOptions
} from './layout';
import { isPosition, positionBetween } from './position';

/** The actielijst: `actions` maps action id → Y.Map of the fields of `ActionSnapshot`. */
export const ACTION_STATUSES = ['open', 'bezig', 'klaar'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_LIMITS = { title: 200, note: 2000, id: 64 } as const;

export interface ActionSnapshot {
	id: string;
	title: string;
	ownerId: string | null;
	/** 'YYYY-MM-DD' (a Dutch calendar day) or null. */
	due: string | null;
	status: ActionStatus;
	note: string;
	position: string;
	createdAt: string;
	createdBy: string;
}

export type ActionChanges = Partial<Pick<ActionSnapshot, 'title' | 'ownerId' | 'due' | 'status' | 'note'>>;
export type NewAction = Pick<ActionSnapshot, 'title'> & ActionChanges;

export interface AddActionOptions extends CreateOptions {
	/** Index in the ordered list (default: at the end). */
	index?: number;
	/** A chosen id (default: random). */
	id?: string;
}

interface Entry {
	id: string;
	map: Y.Map<unknown>;
	/** '' for a damaged position: it sorts first and is replaced on the next move around it. */
	position: string;
}

function entries(doc: Y.Doc): Entry[] {
	return nestedMaps(actionsMap(doc))
		.map(([id, map]) => {
			const position = map.get('position');
			return { id, map, position: isPosition(position) ? position : '' };
		})
		.sort((a, b) => compareStrings(a.position, b.position) || compareStrings(a.id, b.id));
}

const isStatus = (value: unknown): value is ActionStatus => (ACTION_STATUSES as readonly unknown[]).includes(value);

function snapshot({ id, map, position }: Entry): ActionSnapshot {
	const status = map.get('status');
	const due = readNullableString(map, 'due');
	return {
		id,
		title: readActionText(map, 'title').trim(),
		ownerId: readNullableString(map, 'ownerId'),
		due: due !== null && isDay(due) ? due : null,
		status: isStatus(status) ? status : 'open',
		note: readActionText(map, 'note').trim(),
		position,
		createdAt: readString(map, 'createdAt'),
		createdBy: readString(map, 'createdBy')
	};
}

/** The actielijst in display order: by position, ties broken by id (the same on every client). */
export function readActions(doc: Y.Doc): ActionSnapshot[] {
	return entries(doc).map(snapshot);
}

function invalid(field: string): never {
	throw new WorkspaceError('invalid_input', field);
}

/** Checks and normalises changes; the UI validates first, this guards the shared document. */
function validChanges(changes: ActionChanges): ActionChanges {
	const valid: ActionChanges = {};
	if (changes.title !== undefined) {
		const title = changes.title.trim();
		if (title.length === 0 || title.length > ACTION_LIMITS.title) invalid('title');
		valid.title = title;
	}
	if (changes.ownerId !== undefined) {
		const owner = changes.ownerId;
		if (owner !== null && (owner.length === 0 || owner.length > ACTION_LIMITS.id)) invalid('ownerId');
		valid.ownerId = owner;
	}
	if (changes.due !== undefined) {
		if (changes.due !== null && !isDay(changes.due)) invalid('due');
		valid.due = changes.due;
	}
	if (changes.status !== undefined) {
		if (!isStatus(changes.status)) invalid('status');
		valid.status = changes.status;
	}
	if (changes.note !== undefined) {
		const note = changes.note.trim();
		if (note.length > ACTION_LIMITS.note) invalid('note');
		valid.note = note;
	}
	return valid;
}

/**
 * The position for a new or moved item at `index` of `list` (which excludes that item).
 * Neighbours with equal positions (concurrent inserts with the same jitter, or a damaged
 * position) leave no gap: the tied items after the gap get fresh positions first.
 */
function placeAt(list: Entry[], index: number, random: () => number): string {
	const lo = index > 0 ? (list[index - 1] as Entry).position : null;
	const low = lo ?? '';
	let end = index;
	while (end < list.length && (list[end] as Entry).position <= low) end++;
	const hi = end < list.length ? (list[end] as Entry).position : null;
	const position = positionBetween(lo === '' ? null : lo, hi, random);
	let previous = position;
	for (const tied of list.slice(index, end)) {
		previous = positionBetween(previous, hi, random);
		tied.map.set('position', previous);
	}
	return position;
}

const clampIndex = (index: number, length: number): number => Math.max(0, Math.min(length, Math.trunc(index)));

/** Adds an action (at the end unless `index` says otherwise) and returns its id. */
export function addAction(doc: Y.Doc, action: NewAction, createdBy: string, options: AddActionOptions = {}): string {
	const random = options.random ?? Math.random;
	const id = options.id ?? newId(random);
	if (id.length === 0 || id.length > ACTION_LIMITS.id) invalid('id');
	if (createdBy.length === 0) invalid('createdBy');
	const fields = validChanges({ ownerId: null, due: null, status: 'open', note: '', ...action });
	const map = actionsMap(doc);
	if (map.has(id)) invalid('id');
	doc.transact(() => {
		const list = entries(doc);
		const item = new Y.Map<unknown>();
		const { title, note, ...rest } = { id, ...fields };
		for (const [key, value] of Object.entries(rest)) item.set(key, value);
		writeNewActionText(item, 'title', title ?? '');
		writeNewActionText(item, 'note', note ?? '');
		item.set('position', placeAt(list, clampIndex(options.index ?? list.length, list.length), random));
		item.set('createdAt', (options.now ?? new Date()).toISOString());
		item.set('createdBy', createdBy);
		map.set(id, item);
	});
	return id;
}

function actionMap(doc: Y.Doc, id: string): Y.Map<unknown> {
	const item = actionsMap(doc).get(id);
	if (!(item instanceof Y.Map)) throw new WorkspaceError('not_found', id);
	return item as Y.Map<unknown>;
}

/** Sets only the fields that change, so concurrent edits of other fields of the action survive. */
export function updateAction(doc: Y.Doc, id: string, changes: ActionChanges): void {
	const item = actionMap(doc, id);
	const fields = validChanges(changes);
	doc.transact(() => {
		for (const [key, value] of Object.entries(fields)) {
			const text = key === 'title' || key === 'note' ? item.get(textKey(key)) : undefined;
			// Version 2 keeps the texts in Y.Texts; a version-1 document (not yet migrated) has only strings.
			if (text instanceof Y.Text) replaceText(text, value as string);
			else if (item.get(key) !== value) item.set(key, value);
		}
	});
}

export function removeAction(doc: Y.Doc, id: string): void {
	actionMap(doc, id);
	actionsMap(doc).delete(id);
}

/** Moves an action so that it ends up at `index` of the ordered list (clamped to the list). */
export function moveAction(doc: Y.Doc, id: string, index: number, random: () => number = Math.random): void {
	const item = actionMap(doc, id);
	doc.transact(() => {
		const all = entries(doc);
		const from = all.findIndex((entry) => entry.id === id);
		const rest = all.filter((entry) => entry.id !== id);
		const to = clampIndex(index, rest.length);
		if (to !== from) item.set('position', placeAt(rest, to, random));
	});
}

function moveBy(doc: Y.Doc, id: string, step: number, random?: () => number): boolean {
	const list = entries(doc);
	const index = list.findIndex((entry) => entry.id === id);
	if (index < 0) throw new WorkspaceError('not_found', id);
	const to = index + step;
	if (to < 0 || to >= list.length) return false;
	moveAction(doc, id, to, random);
	return true;
}

/** Keyboard reordering; false when the action is already at the top. */
export const moveActionUp = (doc: Y.Doc, id: string, random?: () => number): boolean => moveBy(doc, id, -1, random);

/** Keyboard reordering; false when the action is already at the bottom. */
export const moveActionDown = (doc: Y.Doc, id: string, random?: () => number): boolean => moveBy(doc, id, 1, random);

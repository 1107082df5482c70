import * as Y from 'yjs';
import {
	BUSINESS_CASE_FIELD_KEYS,
	CANVAS_LEVELS,
	isStrategyKey,
	type BusinessCaseFieldKey,
	type CanvasLevel,
	type StrategyKey
} from './business-case-fields';
import { WorkspaceError } from './errors';
import {
	canvasesMap,
	compareStrings,
	nestedMaps,
	newId,
	readNullableString,
	readString,
	type CreateOptions
} from './layout';
import { fragmentToMarkdown } from './markdown';

/**
 * Business-case canvases: `businessCases` maps canvas id → Y.Map (id, level, name, ownerId,
 * createdAt, strategy, fields). The Doetank canvas and personal canvases have fixed ids, so two
 * clients that create the same one at once end up with one (see docs/ydoc-layout.md).
 */
export const DOETANK_CANVAS_ID = 'doetank';
/** Level 4: the Doetank's solution for the public sector and society, one per Doetank. */
export const SOCIETY_CANVAS_ID = 'society';
/** Level 5: the one canvas of the network document (network.ts). */
export const NETWORK_CANVAS_ID = 'network';
/** Canvases with a fixed id that always exist in their document and cannot be removed. */
const FIXED_CANVASES: Partial<Record<CanvasLevel, string>> = {
	doetank: DOETANK_CANVAS_ID,
	society: SOCIETY_CANVAS_ID,
	network: NETWORK_CANVAS_ID
};
export const personalCanvasId = (userId: string): string => `personal:${userId}`;
export const CANVAS_LIMITS = { name: 120 } as const;

export interface CanvasSnapshot {
	id: string;
	level: CanvasLevel;
	/** The pilot organisation; '' for the other levels. */
	name: string;
	/** The member of a personal canvas, otherwise null. */
	ownerId: string | null;
	createdAt: string;
	strategy: StrategyKey | null;
	/** Every field as Markdown ('' when empty), for overviews and "is it filled in" checks. */
	fields: Record<BusinessCaseFieldKey, string>;
}

const isLevel = (value: unknown): value is CanvasLevel => (CANVAS_LEVELS as readonly unknown[]).includes(value);

function validName(name: string): string {
	const trimmed = name.trim();
	if (trimmed.length === 0 || trimmed.length > CANVAS_LIMITS.name) throw new WorkspaceError('invalid_input', 'name');
	return trimmed;
}

/** Creates the canvas with every field in one transaction: a field added later could conflict. */
function create(doc: Y.Doc, id: string, level: CanvasLevel, name: string, ownerId: string | null, now = new Date()) {
	doc.transact(() => {
		const canvas = new Y.Map<unknown>();
		const fields = new Y.Map<Y.XmlFragment>();
		for (const key of BUSINESS_CASE_FIELD_KEYS) fields.set(key, new Y.XmlFragment());
		canvas.set('id', id);
		canvas.set('level', level);
		canvas.set('name', name);
		canvas.set('ownerId', ownerId);
		canvas.set('createdAt', now.toISOString());
		canvas.set('strategy', null);
		canvas.set('fields', fields);
		canvasesMap(doc).set(id, canvas);
	});
}

/** The Y.Map of one canvas, e.g. to export it or to restore it from an older version. */
export function canvasMap(doc: Y.Doc, id: string): Y.Map<unknown> {
	const canvas = canvasesMap(doc).get(id);
	if (!(canvas instanceof Y.Map)) throw new WorkspaceError('not_found', id);
	return canvas as Y.Map<unknown>;
}

/** The collaborative text of one field, for the editor to bind to. */
export function canvasField(doc: Y.Doc, id: string, key: BusinessCaseFieldKey): Y.XmlFragment {
	const fragment = fieldOf(canvasMap(doc, id), key);
	if (!fragment) throw new WorkspaceError('not_found', `${id}/${key}`);
	return fragment;
}

export function fieldOf(canvas: Y.Map<unknown>, key: BusinessCaseFieldKey): Y.XmlFragment | null {
	const fields = canvas.get('fields');
	const fragment = fields instanceof Y.Map ? fields.get(key) : undefined;
	return fragment instanceof Y.XmlFragment ? fragment : null;
}

/** Creates the fixed canvas of a level when it is missing; run by migrations, harmless to repeat. */
function ensureFixed(doc: Y.Doc, level: 'doetank' | 'society' | 'network', options: CreateOptions): void {
	const id = FIXED_CANVASES[level] as string;
	if (!(canvasesMap(doc).get(id) instanceof Y.Map)) create(doc, id, level, '', null, options.now);
}

/** Always exactly one Doetank canvas; run by the migration, harmless to repeat. */
export const ensureDoetankCanvas = (doc: Y.Doc, options: CreateOptions = {}): void =>
	ensureFixed(doc, 'doetank', options);

/** Always exactly one canvas for the solution in the public sector and society (level 4); layout version 3. */
export const ensureSocietyCanvas = (doc: Y.Doc, options: CreateOptions = {}): void =>
	ensureFixed(doc, 'society', options);

/** The network document's one canvas (level 5), created by the server when it loads that document. */
export const ensureNetworkCanvas = (doc: Y.Doc, options: CreateOptions = {}): void =>
	ensureFixed(doc, 'network', options);

export function createPilotCanvas(doc: Y.Doc, name: string, options: CreateOptions & { id?: string } = {}): string {
	const id = options.id ?? `pilot:${newId(options.random)}`;
	if (canvasesMap(doc).has(id)) throw new WorkspaceError('invalid_input', 'id');
	create(doc, id, 'pilot', validName(name), null, options.now);
	return id;
}

export function renamePilotCanvas(doc: Y.Doc, id: string, name: string): void {
	const canvas = canvasMap(doc, id);
	if (canvas.get('level') !== 'pilot') throw new WorkspaceError('not_renamable', id);
	const valid = validName(name);
	if (canvas.get('name') !== valid) canvas.set('name', valid);
}

/** The member's own canvas, created on first use. Call after the first sync (see the layout doc). */
export function getOrCreatePersonalCanvas(doc: Y.Doc, userId: string, options: CreateOptions = {}): string {
	if (userId.length === 0) throw new WorkspaceError('invalid_input', 'userId');
	const id = personalCanvasId(userId);
	if (!(canvasesMap(doc).get(id) instanceof Y.Map)) create(doc, id, 'personal', '', userId, options.now);
	return id;
}

/** Removes a pilot or personal canvas; the Doetank, society and network canvases always stay. */
export function removeCanvas(doc: Y.Doc, id: string): void {
	const canvas = canvasMap(doc, id);
	const level = canvas.get('level');
	if (id === DOETANK_CANVAS_ID || level === 'doetank') throw new WorkspaceError('doetank_canvas_required', id);
	if (Object.values(FIXED_CANVASES).includes(id) || (isLevel(level) && level in FIXED_CANVASES)) {
		throw new WorkspaceError('fixed_canvas', id);
	}
	canvasesMap(doc).delete(id);
}

/** The chosen productivity strategy, or null (none, or only the free text). */
export function setCanvasStrategy(doc: Y.Doc, id: string, strategy: StrategyKey | null): void {
	const canvas = canvasMap(doc, id);
	if (strategy !== null && !isStrategyKey(strategy)) throw new WorkspaceError('invalid_input', 'strategy');
	if (canvas.get('strategy') !== strategy) canvas.set('strategy', strategy);
}

function snapshot(id: string, canvas: Y.Map<unknown>, level: CanvasLevel): CanvasSnapshot {
	const strategy = canvas.get('strategy');
	const fields = Object.fromEntries(
		BUSINESS_CASE_FIELD_KEYS.map((key) => {
			const fragment = fieldOf(canvas, key);
			return [key, fragment ? fragmentToMarkdown(fragment) : ''];
		})
	) as Record<BusinessCaseFieldKey, string>;
	return {
		id,
		level,
		name: readString(canvas, 'name'),
		ownerId: level === 'personal' ? readNullableString(canvas, 'ownerId') : null,
		createdAt: readString(canvas, 'createdAt'),
		strategy: isStrategyKey(strategy) ? strategy : null,
		fields
	};
}

/** The Doetank canvas, its pilots, the solution for society, then the members' own; the network alone in its document. */
const LEVEL_ORDER: Record<CanvasLevel, number> = { doetank: 0, pilot: 1, society: 2, personal: 3, network: 4 };
const collator = new Intl.Collator('nl');

/**
 * All canvases in a stable order: the Doetank canvas, the pilots by creation (then name, id), the
 * society canvas, then personal canvases by the owner's name as the caller knows it (then owner id).
 */
export function readCanvases(doc: Y.Doc, ownerName: (userId: string) => string = (userId) => userId): CanvasSnapshot[] {
	const canvases = nestedMaps(canvasesMap(doc)).flatMap(([id, canvas]) => {
		const level = canvas.get('level');
		return isLevel(level) ? [snapshot(id, canvas, level)] : [];
	});
	const ownerOf = (canvas: CanvasSnapshot) => (canvas.ownerId === null ? '' : ownerName(canvas.ownerId));
	return canvases.sort(
		(a, b) =>
			LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
			(a.level === 'personal'
				? collator.compare(ownerOf(a), ownerOf(b)) || compareStrings(a.ownerId ?? '', b.ownerId ?? '')
				: compareStrings(a.createdAt, b.createdAt) || collator.compare(a.name, b.name)) ||
			compareStrings(a.id, b.id)
	);
}

export function readCanvas(doc: Y.Doc, id: string): CanvasSnapshot | null {
	const canvas = canvasesMap(doc).get(id);
	if (!(canvas instanceof Y.Map)) return null;
	const level = canvas.get('level');
	return isLevel(level) ? snapshot(id, canvas as Y.Map<unknown>, level) : null;
}

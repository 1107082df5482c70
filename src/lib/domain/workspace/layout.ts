import * as Y from 'yjs';

/**
 * The top-level types of a Doetank's Y.Doc (see docs/ydoc-layout.md). Top-level types are
 * created on first access and never conflict, so every client may call these at any time.
 */
export const ROOT = {
	meta: 'meta',
	probleemdefinitie: 'probleemdefinitie',
	businessCases: 'businessCases',
	actions: 'actions'
} as const;

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.meta);
export const probleemdefinitie = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(ROOT.probleemdefinitie);
export const canvasesMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.businessCases);
export const actionsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.actions);

/** Options for writes that create things; tests pass fixed values, the UI usually none. */
export interface CreateOptions {
	/** Creation time (default: now). */
	now?: Date;
	/** Source of randomness for ids and position jitter (default: Math.random). */
	random?: () => number;
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 16 base-36 characters (about 82 bits): unique enough for the entries of one document. */
export function newId(random: () => number = Math.random): string {
	let id = '';
	for (let i = 0; i < 16; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)];
	return id;
}

/** Entries of a map whose values are nested Y.Maps; anything else (a damaged entry) is skipped. */
export function nestedMaps(map: Y.Map<unknown>): [string, Y.Map<unknown>][] {
	const entries: [string, Y.Map<unknown>][] = [];
	map.forEach((value, key) => {
		if (value instanceof Y.Map) entries.push([key, value as Y.Map<unknown>]);
	});
	return entries;
}

export function readString(map: Y.Map<unknown>, key: string, fallback = ''): string {
	const value = map.get(key);
	return typeof value === 'string' ? value : fallback;
}

export function readNullableString(map: Y.Map<unknown>, key: string): string | null {
	const value = map.get(key);
	return typeof value === 'string' ? value : null;
}

/** Plain code-unit order: the same on every client, unlike localeCompare. */
export function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

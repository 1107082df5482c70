import * as Y from 'yjs';
import { compareStrings, newId, readString } from './layout';

/**
 * Restores in the open (docs/ydoc-layout.md, "Restore log"): restoring a version replaces text
 * others may have written, so the restore is recorded in the document itself, in the same
 * transaction, and every member's page shows who restored which version. It lives in the document
 * (not in awareness) so members who were offline or arrive later see it too. Bounded to the newest
 * `RESTORE_LOG_LIMIT` entries.
 */
export const RESTORE_LOG = 'restores';
export const RESTORE_LOG_LIMIT = 20;

export interface RestoreEntry {
	id: string;
	/** User id and display name of who restored. */
	by: string;
	name: string;
	/** What was restored, as the restorer's screen called it ("Probleemdefinitie", a canvas name). */
	what: string;
	/** Which version, as the restorer's screen called it ("gisteren"). */
	version: string;
	/** ISO instant. */
	at: string;
	/** True when this entry records that the restorer took the restore back. */
	undone: boolean;
}

export const restoreLog = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(RESTORE_LOG);

const LIMITS = { name: 200, what: 200, version: 100 } as const;

/** Adds an entry (inside the caller's transaction, e.g. the restore's own) and drops the oldest beyond the limit. */
export function recordRestore(
	doc: Y.Doc,
	entry: Omit<RestoreEntry, 'id' | 'at' | 'undone'> & { undone?: boolean },
	options: { now?: Date; random?: () => number } = {}
): string {
	const id = newId(options.random);
	const log = restoreLog(doc);
	doc.transact(() => {
		const item = new Y.Map<unknown>();
		item.set('by', entry.by);
		item.set('name', entry.name.slice(0, LIMITS.name));
		item.set('what', entry.what.slice(0, LIMITS.what));
		item.set('version', entry.version.slice(0, LIMITS.version));
		item.set('at', (options.now ?? new Date()).toISOString());
		item.set('undone', entry.undone ?? false);
		log.set(id, item);
		for (const old of readRestores(doc).slice(RESTORE_LOG_LIMIT)) log.delete(old.id);
	});
	return id;
}

/** The log, newest first (by time, then id, the same on every client); damaged entries are skipped. */
export function readRestores(doc: Y.Doc): RestoreEntry[] {
	const entries: RestoreEntry[] = [];
	restoreLog(doc).forEach((value, id) => {
		if (!(value instanceof Y.Map)) return;
		const map = value as Y.Map<unknown>;
		const at = readString(map, 'at');
		if (!at) return;
		entries.push({
			id,
			by: readString(map, 'by'),
			name: readString(map, 'name'),
			what: readString(map, 'what'),
			version: readString(map, 'version'),
			at,
			undone: map.get('undone') === true
		});
	});
	return entries.sort((a, b) => compareStrings(b.at, a.at) || compareStrings(b.id, a.id));
}

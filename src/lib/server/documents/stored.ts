import * as Y from 'yjs';
import type { Database } from '../db/client';
import { readDocument } from '../db/doc-log';

/**
 * Applies logged updates in order. A damaged one is reported and skipped: one bad entry must not
 * make a whole Doetank unreadable.
 */
export function applyInOrder(doc: Y.Doc, updates: Iterable<Uint8Array>, onDamaged?: (error: unknown) => void): void {
	for (const update of updates) {
		try {
			Y.applyUpdate(doc, update);
		} catch (error) {
			onDamaged?.(error);
		}
	}
}

/**
 * The document as the database holds it: snapshot plus every later update. Every update is durable
 * before any client sees it, so this includes everything anyone has seen. The caller destroys it.
 */
export async function loadStoredDocument(db: Database, doetankId: string): Promise<Y.Doc> {
	const stored = await readDocument(db, doetankId);
	const doc = new Y.Doc({ gc: true });
	applyInOrder(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
	return doc;
}

import type * as Y from 'yjs';
import { ensureNetworkCanvas } from './canvases';
import { MIGRATION_ORIGIN } from './schema';

/**
 * The network document: one live document for the whole network, holding only the business case
 * for the network as a whole (level 5), in its own sync room. Its id shares the storage and the
 * `/sync/<id>` namespace with Doetank ids, so it has a character no Doetank id has (generated
 * ids are base32, demo ids slugs).
 */
export const NETWORK_ROOM = '~network';

export const isNetworkRoom = (room: string): boolean => room === NETWORK_ROOM;

/**
 * Brings the network document to its layout: the network canvas exists. Run by the server when it
 * loads the document and by writers after their first sync, like `migrateWorkspace` for a Doetank;
 * writes nothing when the canvas is there.
 */
export function prepareNetworkDocument(doc: Y.Doc, now: Date = new Date()): void {
	doc.transact(() => ensureNetworkCanvas(doc, { now }), MIGRATION_ORIGIN);
}

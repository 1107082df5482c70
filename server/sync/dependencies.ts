import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * True when the update refers to content that neither the document nor the update itself holds:
 * a gap in a client's clock, an origin or parent that does not exist, a deletion of unknown
 * content. Yjs would keep such an update pending and retry it on every later update, so one
 * client could slow down everyone's edits for as long as the document is loaded.
 */
export function hasMissingDependencies(doc: Y.Doc, update: DecodedUpdate): boolean {
	const known = (client: number) => ends.get(client) ?? Y.getState(doc.store, client);
	const ends = new Map<number, number>();
	for (const struct of update.structs) {
		if (struct instanceof Y.Skip) return true;
		const { client, clock } = struct.id;
		const end = known(client);
		if (clock > end) return true;
		ends.set(client, Math.max(end, clock + struct.length));
	}
	const available = (id: Y.ID | null) => id === null || id.clock < known(id.client);
	for (const struct of update.structs) {
		if (!(struct instanceof Y.Item)) continue;
		if (!available(struct.origin) || !available(struct.rightOrigin)) return true;
		if (struct.parent instanceof Y.ID && !available(struct.parent)) return true;
	}
	for (const [client, ranges] of update.ds.clients) {
		if (ranges.some((r) => r.clock + r.len > known(client))) return true;
	}
	return false;
}

/**
 * True when applying the update would change nothing: every struct in it is known and every
 * deletion in it already happened. A reconnecting client's sync step 2 always carries its whole
 * delete set, so without this check each reconnect of a document with deletions (any edited text)
 * was stored in the log and sent to every other client; after a café's wifi drop, hundreds at once.
 * Call it only for an update without missing dependencies.
 */
export function addsNothing(doc: Y.Doc, update: DecodedUpdate): boolean {
	for (const struct of update.structs) {
		if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
	}
	for (const [client, ranges] of update.ds.clients) {
		const structs = doc.store.clients.get(client);
		if (!structs) return false;
		for (const { clock, len } of ranges) {
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const struct = structs[i]!;
				if (struct.id.clock >= clock + len) break;
				if (!struct.deleted) return false;
			}
		}
	}
	return true;
}

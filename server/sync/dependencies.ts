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

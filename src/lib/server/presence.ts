import { EventEmitter } from 'node:events';

/** Who is in a Doetank's workspace right now, as the sync server sees it. */
export interface PresenceEntry {
	userId: string;
	name: string;
	canWrite: boolean;
	/** The workspace section the person is in, as their client reports it. */
	section: string | null;
	typing: boolean;
}

/** What a client may say about itself in its awareness state; everything else comes from its session. */
export interface ClientPresence {
	section: string | null;
	typing: boolean;
}

const SECTION = /^[a-zA-Z][a-zA-Z0-9-]{0,39}$/;

/** Reads the self-reported part of an awareness state; anything malformed counts as absent. */
export function clientPresence(state: unknown): ClientPresence {
	const s = (state ?? {}) as { section?: unknown; typing?: unknown };
	return {
		section: typeof s.section === 'string' && SECTION.test(s.section) ? s.section : null,
		typing: s.typing === true
	};
}

/**
 * The sync server's live view of presence, for pages outside the workspace (café facilitator,
 * coach). One entry per connection; a person with two tabs appears once.
 */
export class PresenceBoard {
	private readonly docs = new Map<string, Map<object, PresenceEntry>>();
	private readonly emitter = new EventEmitter();

	set(doetankId: string, connection: object, entry: PresenceEntry | null): void {
		let doc = this.docs.get(doetankId);
		if (entry) {
			if (!doc) this.docs.set(doetankId, (doc = new Map()));
			doc.set(connection, entry);
		} else if (doc) {
			doc.delete(connection);
			if (doc.size === 0) this.docs.delete(doetankId);
		}
		this.emitter.emit('change', doetankId);
	}

	list(doetankId: string): PresenceEntry[] {
		const byUser = new Map<string, PresenceEntry>();
		for (const entry of this.docs.get(doetankId)?.values() ?? []) {
			const seen = byUser.get(entry.userId);
			byUser.set(
				entry.userId,
				seen
					? {
							...seen,
							section: seen.section ?? entry.section,
							typing: seen.typing || entry.typing,
							canWrite: seen.canWrite || entry.canWrite
						}
					: entry
			);
		}
		return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
	}

	onChange(listener: (doetankId: string) => void): () => void {
		this.emitter.on('change', listener);
		return () => this.emitter.off('change', listener);
	}
}

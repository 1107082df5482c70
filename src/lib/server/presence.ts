import { EventEmitter } from 'node:events';
import type { Bus } from './scale/bus';
import type { InstanceRoster } from './scale/instances';

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

const CHANNEL = 'scale:presence';

/**
 * The sync server's live view of presence, for pages outside the workspace (café facilitator,
 * coach). One entry per connection; a person with two tabs appears once. With a bus (REDIS_URL)
 * each instance announces its own entries of a Doetank whenever they change, and the board keeps
 * those of the other instances until they announce again or are gone (InstanceRoster).
 */
export class PresenceBoard {
	private readonly docs = new Map<string, Map<object, PresenceEntry>>();
	/** Other instances' entries: instance id → Doetank id → entries. */
	private readonly remote = new Map<string, Map<string, PresenceEntry[]>>();
	private readonly emitter = new EventEmitter();
	private announce: ((doetankId: string) => void) | null = null;

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
		this.announce?.(doetankId);
	}

	/** Shares this instance's entries with the others and keeps theirs (see the class comment). */
	async connect(bus: Bus, roster: InstanceRoster): Promise<void> {
		const local = (doetankId: string) => [...(this.docs.get(doetankId)?.values() ?? [])];
		this.announce = (d) => bus.publish(CHANNEL, JSON.stringify({ i: bus.instanceId, d, e: local(d) }));
		await bus.subscribe(CHANNEL, (raw) => {
			const { i, d, e } = JSON.parse(raw) as { i: string; d: string; e: PresenceEntry[] };
			if (i === bus.instanceId) return;
			let docs = this.remote.get(i);
			if (!docs) this.remote.set(i, (docs = new Map()));
			if (e.length > 0) docs.set(d, e);
			else docs.delete(d);
			this.emitter.emit('change', d);
		});
		roster.onGone((instanceId) => {
			const docs = this.remote.get(instanceId);
			this.remote.delete(instanceId);
			for (const d of docs?.keys() ?? []) this.emitter.emit('change', d);
		});
		roster.onJoined(() => {
			for (const d of this.docs.keys()) this.announce?.(d);
		});
	}

	list(doetankId: string): PresenceEntry[] {
		const byUser = new Map<string, PresenceEntry>();
		const remote = [...this.remote.values()].flatMap((docs) => docs.get(doetankId) ?? []);
		for (const entry of [...(this.docs.get(doetankId)?.values() ?? []), ...remote]) {
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

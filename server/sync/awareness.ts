import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { userColour } from '$lib/sync/colour';

/** Who a connection is, as far as its presence shows: from the session and membership, never the client. */
export interface PresenceIdentity {
	userId: string;
	name: string;
	canWrite: boolean;
}

/** One entry of a y-protocols awareness update. */
export interface AwarenessEntry {
	clientId: number;
	clock: number;
	/** The JSON text of the state; "null" removes the entry. */
	state: string;
}

export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
	const decoder = decoding.createDecoder(update);
	const count = decoding.readVarUint(decoder);
	const entries: AwarenessEntry[] = [];
	for (let i = 0; i < count; i++) {
		entries.push({
			clientId: decoding.readVarUint(decoder),
			clock: decoding.readVarUint(decoder),
			state: decoding.readVarString(decoder)
		});
	}
	if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
	return entries;
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const e of entries) {
		encoding.writeVarUint(encoder, e.clientId);
		encoding.writeVarUint(encoder, e.clock);
		encoding.writeVarString(encoder, e.state);
	}
	return encoding.toUint8Array(encoder);
}

/** A section or canvas id: `doetank`, `pilot:<id>`, `personal:<user id>` (canvases.ts). */
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_:-]{0,99}$/;

/**
 * The state the server forwards for a client: who it is comes from the session (`user.id`, `user.name`,
 * `user.color`, and `user.watching` for read-only roles, shown as "kijkt mee"); the client supplies
 * only where it is (section, open canvas), its caret (`cursor`, y-prosemirror's relative positions)
 * and whether it types. Anything else it claims is left out. Throws on malformed JSON.
 */
export function trustedState(identity: PresenceIdentity, json: string): string {
	const claimed = JSON.parse(json) as Record<string, unknown> | null;
	if (claimed === null) return 'null';
	if (typeof claimed !== 'object' || Array.isArray(claimed)) throw new Error('awareness state is not an object');
	const state: Record<string, unknown> = {
		user: {
			id: identity.userId,
			name: identity.name,
			color: userColour(identity.userId),
			watching: !identity.canWrite
		}
	};
	for (const field of ['section', 'canvas'] as const) {
		const value = claimed[field];
		if (typeof value === 'string' && NAME.test(value)) state[field] = value;
	}
	if (claimed.typing === true) state.typing = true;
	else if (claimed.typing === false) state.typing = false;
	if (claimed.cursor === null || (typeof claimed.cursor === 'object' && !Array.isArray(claimed.cursor)))
		state.cursor = claimed.cursor;
	return JSON.stringify(state);
}

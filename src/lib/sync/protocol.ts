import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * The sync protocol as both ends speak it: the message types and close codes of the Doetank sync
 * server (server/sync) and of the browser's provider (src/lib/sync/workspace.svelte.ts). Only
 * lib0 here, so it runs in the browser and in Node.
 */

/** y-websocket message types (first varUint of every message). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Our own message types. Unmodified y-websocket clients never send them and only get `status`
 * when something needs saying (they log it as an unknown message and carry on).
 * - status (server → client): varString JSON, `{"persistence":"ok"|"failing"}` or
 *   `{"refused":"documentFull"}` (an update of this client was refused: the document is at its size cap).
 * - saved (both ways): the client sends a number; the server echoes it once everything the
 *   client sent before it is durable, which lets the client count unsaved changes.
 */
export const MESSAGE_STATUS = 100;
export const MESSAGE_SAVED = 101;
/**
 * alive (both ways, varUint beat number): a heartbeat the page itself must answer. A websocket ping is
 * answered by the browser's network stack even when the page gets no messages any more (Chromium
 * offline, a network that drops frames but not the connection), so it cannot tell that someone
 * left. The workspace client sends `alive 0` once after connecting; from then on the server asks
 * with `alive <n>` at every heartbeat, the client echoes the number, and a client that has not
 * answered by the next heartbeat is dropped.
 */
export const MESSAGE_ALIVE = 102;

/** y-protocols/sync sub-types. */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/**
 * Close codes the sync server sends. 4400–4499 say that reconnecting cannot help (y-websocket's
 * convention), 4500–4599 that it can after a pause. A message over the size limit gets ws's
 * standard 1009, and a client that stops reading is cut off without a close frame (its buffer is full).
 */
export const CLOSE = {
	/** Malformed or unknown message, or one that could not be applied. */
	badMessage: 4400,
	/** The session ended (logout, expiry). */
	unauthenticated: 4401,
	/** Access to the Doetank was removed. */
	forbidden: 4403,
	/** Awareness messages too large or too fast, again and again. */
	awarenessFlood: 4429,
	/** The user's update budget (count or bytes, over all their sockets) is spent; reconnect after a pause. */
	updateBudget: 4529,
	/** ws's standard code for a message over SYNC_MAX_MESSAGE_BYTES: the same change would be refused again. */
	messageTooLarge: 1009,
	/** An update built on content this instance had not received from the others within a few seconds; reconnecting syncs afresh. */
	incomplete: 4509,
	/**
	 * More messages (or bytes) arrived while an earlier update waited (for the log, or held for another
	 * instance's content) than two bursts of the user's update budget; reconnecting syncs afresh.
	 */
	backlogFull: 4508,
	/** Service restart (SIGTERM): the client reconnects at once, to another instance behind the load balancer. */
	shuttingDown: 1012
} as const;

export type PersistenceState = 'ok' | 'failing';

/** What a status message says: the state of persistence, or that an update of this client was refused. */
export type StatusMessage = { persistence: PersistenceState } | { refused: 'documentFull' };

export function writeStatus(encoder: encoding.Encoder, status: StatusMessage): void {
	encoding.writeVarUint(encoder, MESSAGE_STATUS);
	encoding.writeVarString(encoder, JSON.stringify(status));
}

/** The status a message's payload holds, or null when it is not one this version knows. */
export function readStatus(decoder: decoding.Decoder): StatusMessage | null {
	try {
		const value = JSON.parse(decoding.readVarString(decoder)) as { persistence?: unknown; refused?: unknown } | null;
		if (value?.persistence === 'ok' || value?.persistence === 'failing') return { persistence: value.persistence };
		if (value?.refused === 'documentFull') return { refused: 'documentFull' };
		return null;
	} catch {
		return null;
	}
}

export function writeAlive(encoder: encoding.Encoder, beat: number): void {
	encoding.writeVarUint(encoder, MESSAGE_ALIVE);
	encoding.writeVarUint(encoder, beat);
}

export function writeSaved(encoder: encoding.Encoder, probe: number): void {
	encoding.writeVarUint(encoder, MESSAGE_SAVED);
	encoding.writeVarUint(encoder, probe);
}

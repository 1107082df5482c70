import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** y-websocket message types (first varUint of every message). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
/**
 * Our own message types. Unmodified y-websocket clients never send them and only get `status`
 * while persistence is failing (they log it as an unknown message and carry on).
 * - status (server → client): varString JSON `{"persistence":"ok"|"failing"}`.
 * - saved (both ways): the client sends a number; the server echoes it once everything the
 *   client sent before it is durable, which lets the client count unsaved changes.
 */
export const MESSAGE_STATUS = 100;
export const MESSAGE_SAVED = 101;

export type PersistenceState = 'ok' | 'failing';

/** y-protocols/sync sub-types. */
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

/**
 * Close codes this server sends. A message over the size limit gets ws's standard 1009, and a
 * client that stops reading is cut off without a close frame (its buffer is full).
 */
export const CLOSE = {
	badMessage: 4400,
	unauthenticated: 4401,
	forbidden: 4403,
	shuttingDown: 1001
} as const;

export type ClientMessage =
	| { kind: 'syncStep1'; stateVector: Uint8Array }
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'queryAwareness' }
	| { kind: 'saved'; probe: number };

/** Decodes one client message; throws on anything malformed or unknown. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
	const decoder = decoding.createDecoder(data);
	const type = decoding.readVarUint(decoder);
	let message: ClientMessage;
	if (type === MESSAGE_SYNC) {
		const sub = decoding.readVarUint(decoder);
		const payload = decoding.readVarUint8Array(decoder);
		if (sub === SYNC_STEP1) message = { kind: 'syncStep1', stateVector: payload };
		else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) message = { kind: 'update', update: payload };
		else throw new Error(`unknown sync message ${sub}`);
	} else if (type === MESSAGE_AWARENESS) {
		message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
	} else if (type === MESSAGE_QUERY_AWARENESS) {
		message = { kind: 'queryAwareness' };
	} else if (type === MESSAGE_SAVED) {
		message = { kind: 'saved', probe: decoding.readVarUint(decoder) };
	} else {
		throw new Error(`unknown message type ${type}`);
	}
	if (decoding.hasContent(decoder)) throw new Error('trailing bytes');
	return message;
}

/**
 * The encoded message as a Buffer (a view, not a copy): ws wraps every other Uint8Array in a new
 * Buffer on each send, and a fanned-out update is sent to every client of the document.
 */
function finish(encoder: encoding.Encoder): Buffer {
	const bytes = encoding.toUint8Array(encoder);
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function encodeSync(sub: number, payload: Uint8Array): Buffer {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, sub);
	encoding.writeVarUint8Array(encoder, payload);
	return finish(encoder);
}

export function encodeAwareness(update: Uint8Array): Buffer {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, update);
	return finish(encoder);
}

export function encodeStatus(persistence: PersistenceState): Buffer {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_STATUS);
	encoding.writeVarString(encoder, JSON.stringify({ persistence }));
	return finish(encoder);
}

export function encodeSaved(probe: number): Buffer {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SAVED);
	encoding.writeVarUint(encoder, probe);
	return finish(encoder);
}

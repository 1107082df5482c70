import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
	MESSAGE_ALIVE,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SAVED,
	MESSAGE_SYNC,
	SYNC_STEP1,
	SYNC_STEP2,
	SYNC_UPDATE,
	writeAlive,
	writeSaved,
	writeStatus,
	type PersistenceState,
	type StatusMessage
} from '$lib/sync/protocol';

export {
	CLOSE,
	MESSAGE_ALIVE,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SAVED,
	MESSAGE_STATUS,
	MESSAGE_SYNC,
	SYNC_STEP1,
	SYNC_STEP2,
	SYNC_UPDATE,
	type PersistenceState,
	type StatusMessage
} from '$lib/sync/protocol';

export type ClientMessage =
	| { kind: 'syncStep1'; stateVector: Uint8Array }
	| { kind: 'update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'queryAwareness' }
	| { kind: 'saved'; probe: number }
	| { kind: 'alive'; beat: number };

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
	} else if (type === MESSAGE_ALIVE) {
		message = { kind: 'alive', beat: decoding.readVarUint(decoder) };
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

/** A status message: the persistence state (as before), or any other status. */
export function encodeStatus(status: PersistenceState | StatusMessage): Buffer {
	const encoder = encoding.createEncoder();
	writeStatus(encoder, typeof status === 'string' ? { persistence: status } : status);
	return finish(encoder);
}

export function encodeAlive(beat: number): Buffer {
	const encoder = encoding.createEncoder();
	writeAlive(encoder, beat);
	return finish(encoder);
}

export function encodeSaved(probe: number): Buffer {
	const encoder = encoding.createEncoder();
	writeSaved(encoder, probe);
	return finish(encoder);
}

/** The header of a sync message whose payload (`length` bytes) follows separately (a streamed state). */
export function encodeSyncHeader(sub: number, length: number): Buffer {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, sub);
	encoding.writeVarUint(encoder, length);
	return finish(encoder);
}

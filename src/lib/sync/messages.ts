import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Our two message types next to y-websocket's own (see server/sync/protocol.ts for the server side):
 * - status (server → client): varString JSON `{"persistence":"ok"|"failing"}`
 * - saved (both ways): the client sends its count of local changes; the server echoes it once
 *   everything the client sent before is durable in the database.
 */
export const MESSAGE_STATUS = 100;
export const MESSAGE_SAVED = 101;

export type PersistenceState = 'ok' | 'failing';

export function encodeSavedProbe(localCount: number): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SAVED);
	encoding.writeVarUint(encoder, localCount);
	return encoding.toUint8Array(encoder);
}

/** The persistence state of a status message, or null when the payload is not one we know. */
export function readStatus(decoder: decoding.Decoder): PersistenceState | null {
	try {
		const { persistence } = JSON.parse(decoding.readVarString(decoder)) as { persistence?: unknown };
		return persistence === 'ok' || persistence === 'failing' ? persistence : null;
	} catch {
		return null;
	}
}

/** Adds handlers for both types to this provider's own copy of the handler table. */
export function handleOwnMessages(
	provider: WebsocketProvider,
	on: { status(state: PersistenceState): void; saved(count: number): void }
): void {
	// y-websocket calls handlers as (encoder, decoder, provider, emitSynced, messageType); neither answers.
	const handlers = (
		provider as unknown as { messageHandlers: Array<(e: encoding.Encoder, d: decoding.Decoder) => void> }
	).messageHandlers;
	handlers[MESSAGE_STATUS] = (_encoder, decoder) => {
		const state = readStatus(decoder);
		if (state) on.status(state);
	};
	handlers[MESSAGE_SAVED] = (_encoder, decoder) => on.saved(decoding.readVarUint(decoder));
}

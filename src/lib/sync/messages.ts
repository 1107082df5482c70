import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import {
	MESSAGE_ALIVE,
	MESSAGE_SAVED,
	MESSAGE_STATUS,
	readStatus,
	writeAlive,
	writeSaved,
	type PersistenceState
} from './protocol';

export { MESSAGE_SAVED, MESSAGE_STATUS, type PersistenceState } from './protocol';

export function encodeSavedProbe(localCount: number): Uint8Array {
	const encoder = encoding.createEncoder();
	writeSaved(encoder, localCount);
	return encoding.toUint8Array(encoder);
}

/**
 * Adds handlers for our message types to this provider's own copy of the handler table, and takes
 * part in the `alive` heartbeat: announced once per connection, every ask answered at once.
 */
export function handleOwnMessages(
	provider: WebsocketProvider,
	on: { status(state: PersistenceState): void; saved(count: number): void; documentFull?(): void }
): void {
	// y-websocket calls handlers as (encoder, decoder, provider, emitSynced, messageType); neither answers.
	const handlers = (
		provider as unknown as { messageHandlers: Array<(e: encoding.Encoder, d: decoding.Decoder) => void> }
	).messageHandlers;
	handlers[MESSAGE_STATUS] = (_encoder, decoder) => {
		const status = readStatus(decoder);
		if (status && 'persistence' in status) on.status(status.persistence);
		else if (status) on.documentFull?.();
	};
	handlers[MESSAGE_SAVED] = (_encoder, decoder) => on.saved(decoding.readVarUint(decoder));
	// y-websocket sends back whatever a handler writes into the encoder.
	handlers[MESSAGE_ALIVE] = (encoder, decoder) => writeAlive(encoder, decoding.readVarUint(decoder));
	provider.on('status', ({ status }) => {
		if (status !== 'connected') return;
		const encoder = encoding.createEncoder();
		writeAlive(encoder, 0);
		provider.ws?.send(encoding.toUint8Array(encoder));
	});
}

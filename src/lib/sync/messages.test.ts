import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeClientMessage, encodeAlive, encodeSaved, encodeStatus } from '../../../server/sync/protocol';
import { encodeSavedProbe, handleOwnMessages, MESSAGE_SAVED, MESSAGE_STATUS, type PersistenceState } from './messages';

/** Feeds one server message to the provider's handler table the way y-websocket's readMessage does. */
function deliver(provider: WebsocketProvider, message: Uint8Array) {
	const decoder = decoding.createDecoder(message);
	const type = decoding.readVarUint(decoder);
	const encoder = encoding.createEncoder();
	const handlers = (provider as unknown as { messageHandlers: Array<(...args: unknown[]) => void> }).messageHandlers;
	handlers[type]!(encoder, decoder, provider, true, type);
	return encoding.length(encoder);
}

describe('own sync messages', () => {
	const provider = () =>
		new WebsocketProvider('ws://127.0.0.1:9', 'room', new Y.Doc(), {
			connect: false,
			disableBc: true,
			WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket
		});

	it('the probe is what the server decodes as a saved message', () => {
		expect(decodeClientMessage(encodeSavedProbe(0))).toEqual({ kind: 'saved', probe: 0 });
		expect(decodeClientMessage(encodeSavedProbe(123_456))).toEqual({ kind: 'saved', probe: 123_456 });
	});

	it('reads the server status and saved answers, without answering them', () => {
		const p = provider();
		const seen: Array<PersistenceState | number> = [];
		handleOwnMessages(p, { status: (s) => seen.push(s), saved: (n) => seen.push(n) });
		expect(deliver(p, encodeStatus('failing'))).toBe(0);
		expect(deliver(p, encodeSaved(7))).toBe(0);
		deliver(p, encodeStatus('ok'));
		expect(seen).toEqual(['failing', 7, 'ok']);
		p.destroy();
	});

	it('ignores a status it does not understand', () => {
		const p = provider();
		const seen: PersistenceState[] = [];
		handleOwnMessages(p, { status: (s) => seen.push(s), saved: () => {} });
		for (const payload of ['{"persistence":"broken"}', 'not json', '[]']) {
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, MESSAGE_STATUS);
			encoding.writeVarString(encoder, payload);
			deliver(p, encoding.toUint8Array(encoder));
		}
		expect(seen).toEqual([]);
		p.destroy();
	});

	it('answers every alive ask with its beat number, in a message the server decodes', () => {
		const p = provider();
		handleOwnMessages(p, { status: () => {}, saved: () => {} });
		const decoder = decoding.createDecoder(encodeAlive(41));
		const type = decoding.readVarUint(decoder);
		const encoder = encoding.createEncoder();
		const handlers = (p as unknown as { messageHandlers: Array<(...args: unknown[]) => void> }).messageHandlers;
		handlers[type]!(encoder, decoder, p, true, type);
		// y-websocket sends back what a handler wrote when it is longer than one byte.
		expect(encoding.length(encoder)).toBeGreaterThan(1);
		expect(decodeClientMessage(encoding.toUint8Array(encoder))).toEqual({ kind: 'alive', beat: 41 });
		p.destroy();
	});

	it('tells a document-full refusal apart from the persistence state', () => {
		const p = provider();
		const seen: string[] = [];
		handleOwnMessages(p, { status: (s) => seen.push(s), saved: () => {}, documentFull: () => seen.push('full') });
		deliver(p, encodeStatus({ refused: 'documentFull' }));
		deliver(p, encodeStatus('ok'));
		expect(seen).toEqual(['full', 'ok']);
		p.destroy();
	});

	it('changes only this provider, not the shared y-websocket table', () => {
		const withOwn = provider();
		handleOwnMessages(withOwn, { status: () => {}, saved: () => {} });
		const plain = provider();
		const table = (p: WebsocketProvider) => (p as unknown as { messageHandlers: unknown[] }).messageHandlers;
		expect(table(withOwn)[MESSAGE_SAVED]).toBeTypeOf('function');
		expect(table(plain)[MESSAGE_SAVED]).toBeUndefined();
		withOwn.destroy();
		plain.destroy();
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import {
	decodeClientMessage,
	encodeAwareness,
	encodeSaved,
	encodeStatus,
	encodeSync,
	MESSAGE_SAVED,
	MESSAGE_STATUS,
	SYNC_STEP1,
	SYNC_UPDATE
} from './protocol';

function validMessages(): Uint8Array[] {
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	doc.getText('t').insert(0, 'probleemdefinitie');
	doc.getMap('m').set('k', 1);
	return [
		encodeSync(SYNC_STEP1, Y.encodeStateVector(doc)),
		...updates.map((u) => encodeSync(SYNC_UPDATE, u)),
		encodeAwareness(new Uint8Array([1, 2, 3])),
		encodeSaved(300)
	];
}

/** The server's whole acceptance path for one message: decode, and for updates decode the Yjs update. */
function accept(data: Uint8Array): 'accepted' | 'rejected' {
	try {
		const message = decodeClientMessage(data);
		if (message.kind === 'update') Y.decodeUpdate(message.update);
		return 'accepted';
	} catch (error) {
		expect(error).toBeInstanceOf(Error);
		return 'rejected';
	}
}

describe('decodeClientMessage', () => {
	it('round-trips every message kind', () => {
		const kinds = validMessages().map((m) => decodeClientMessage(m).kind);
		expect(kinds).toEqual(['syncStep1', 'update', 'update', 'awareness', 'saved']);
		expect(decodeClientMessage(encodeSaved(300))).toEqual({ kind: 'saved', probe: 300 });
		expect(decodeClientMessage(new Uint8Array([3])).kind).toBe('queryAwareness');
	});

	it('encodes the status message as type 100 with a JSON payload', () => {
		const decoder = decoding.createDecoder(encodeStatus('failing'));
		expect(decoding.readVarUint(decoder)).toBe(MESSAGE_STATUS);
		expect(JSON.parse(decoding.readVarString(decoder))).toEqual({ persistence: 'failing' });
		expect(MESSAGE_SAVED).toBe(101);
	});

	it.each([
		['empty', []],
		['unknown type', [9]],
		['unknown sync sub-type', [0, 7, 0]],
		['truncated payload', [0, 2, 10, 1]],
		['trailing bytes', [3, 0]],
		['saved without a number', [101]],
		['status from a client', [100, 0]]
	])('rejects %s', (_name, bytes) => {
		expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow();
	});

	it('never throws anything but an Error on random bytes (10,000 cases)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
				expect(['accepted', 'rejected']).toContain(accept(bytes));
			}),
			{ numRuns: 10_000 }
		);
	});

	it('never throws anything but an Error on mutated valid messages (10,000 cases)', () => {
		const valid = validMessages();
		fc.assert(
			fc.property(
				fc.constantFrom(...valid),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
				(message, flips) => {
					const mutated = Uint8Array.from(message);
					for (const [at, value] of flips) mutated[at % mutated.length] = value;
					expect(['accepted', 'rejected']).toContain(accept(mutated));
				}
			),
			{ numRuns: 10_000 }
		);
	});
});

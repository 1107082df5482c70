import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { personalCanvasId } from '$lib/domain/workspace';
import { userColour } from '$lib/sync/colour';
import { decodeAwarenessEntries, encodeAwarenessEntries, trustedState } from './awareness';

const lid = { userId: 'u-lars', name: 'Lars Lid', canWrite: true };
const meekijker = { userId: 'u-mila', name: 'Mila Meekijker', canWrite: false };

describe('trustedState', () => {
	it('takes identity and role from the session and only section, canvas, caret and typing from the client', () => {
		const claimed = {
			user: { id: 'u-tineke', name: 'Tineke Trekker', color: '#000000', watching: false },
			section: 'actielijst',
			canvas: 'doetank',
			cursor: { anchor: { type: null }, head: { type: null } },
			typing: true,
			script: '<img src=x>'
		};
		expect(JSON.parse(trustedState(meekijker, JSON.stringify(claimed)))).toEqual({
			user: { id: 'u-mila', name: 'Mila Meekijker', color: userColour('u-mila'), watching: true },
			section: 'actielijst',
			canvas: 'doetank',
			cursor: { anchor: { type: null }, head: { type: null } },
			typing: true
		});
	});

	it('keeps the ids of pilot and personal canvases, which hold a colon', () => {
		for (const canvas of [`pilot:${'a'.repeat(16)}`, personalCanvasId('u-lars')]) {
			expect(JSON.parse(trustedState(lid, JSON.stringify({ canvas }))).canvas).toBe(canvas);
		}
	});

	it('leaves out malformed fields and keeps a removal a removal', () => {
		const state = JSON.parse(
			trustedState(lid, JSON.stringify({ section: '<b>', canvas: 7, cursor: [1], typing: 'ja' }))
		) as Record<string, unknown>;
		expect(state).toEqual({ user: { id: 'u-lars', name: 'Lars Lid', color: userColour('u-lars'), watching: false } });
		expect(trustedState(lid, 'null')).toBe('null');
		expect(() => trustedState(lid, '{')).toThrow();
		expect(() => trustedState(lid, '[1]')).toThrow();
	});
});

describe('awareness entries', () => {
	it('read and write the y-protocols format', () => {
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awareness.setLocalState({ section: 'probleemdefinitie' });
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
		const entries = decodeAwarenessEntries(update);
		expect(entries).toEqual([{ clientId: awareness.clientID, clock: 1, state: '{"section":"probleemdefinitie"}' }]);
		expect(encodeAwarenessEntries(entries)).toEqual(update);
		awareness.destroy();
	});
});

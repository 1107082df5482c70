import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BUSINESS_CASE_FIELD_KEYS } from './business-case-fields';
import {
	canvasField,
	canvasMap,
	createPilotCanvas,
	DOETANK_CANVAS_ID,
	ensureDoetankCanvas,
	ensureNetworkCanvas,
	ensureSocietyCanvas,
	getOrCreatePersonalCanvas,
	NETWORK_CANVAS_ID,
	personalCanvasId,
	readCanvas,
	readCanvases,
	removeCanvas,
	renamePilotCanvas,
	setCanvasStrategy,
	SOCIETY_CANVAS_ID
} from './canvases';
import { canvasesMap } from './layout';
import { expectWorkspaceError } from './test-errors';
import { p, text, writeTiptap } from './tiptap-fixture';

const at = (iso: string) => ({ now: new Date(iso) });
const NAMES: Record<string, string> = { u1: 'Zoë', u2: 'Anne', u3: 'anton' };

function workspace(): Y.Doc {
	const doc = new Y.Doc();
	ensureDoetankCanvas(doc, at('2025-01-01T00:00:00Z'));
	return doc;
}

describe('canvases', () => {
	it('creates the Doetank canvas once, with every field of the instrument as an empty text', () => {
		const doc = workspace();
		ensureDoetankCanvas(doc);
		const canvases = readCanvases(doc);
		expect(canvases).toHaveLength(1);
		expect(canvases[0]).toMatchObject({
			id: DOETANK_CANVAS_ID,
			level: 'doetank',
			name: '',
			ownerId: null,
			createdAt: '2025-01-01T00:00:00.000Z',
			strategy: null
		});
		expect(Object.keys(canvases[0]!.fields)).toEqual(BUSINESS_CASE_FIELD_KEYS);
		expect(Object.values(canvases[0]!.fields).every((value) => value === '')).toBe(true);
		for (const key of BUSINESS_CASE_FIELD_KEYS)
			expect(canvasField(doc, DOETANK_CANVAS_ID, key)).toBeInstanceOf(Y.XmlFragment);
	});

	it('creates, renames and removes pilot canvases, trimming and checking the name', () => {
		const doc = workspace();
		const id = createPilotCanvas(doc, '  Gemeente Utrecht ', at('2025-02-01T00:00:00Z'));
		expect(id).toMatch(/^pilot:[0-9a-z]{16}$/);
		expect(readCanvas(doc, id)).toMatchObject({ level: 'pilot', name: 'Gemeente Utrecht', ownerId: null });
		renamePilotCanvas(doc, id, 'Gemeente Amersfoort');
		expect(readCanvas(doc, id)?.name).toBe('Gemeente Amersfoort');
		expectWorkspaceError('invalid_input', () => renamePilotCanvas(doc, id, ' '));
		expectWorkspaceError('invalid_input', () => createPilotCanvas(doc, 'x'.repeat(121)));
		expectWorkspaceError('invalid_input', () => createPilotCanvas(doc, 'Dubbel', { id }));
		expectWorkspaceError('not_renamable', () => renamePilotCanvas(doc, DOETANK_CANVAS_ID, 'x'));
		expectWorkspaceError('not_found', () => renamePilotCanvas(doc, 'pilot:nope', 'x'));
		removeCanvas(doc, id);
		expect(readCanvas(doc, id)).toBeNull();
		expectWorkspaceError('not_found', () => removeCanvas(doc, id));
	});

	it('gives each member exactly one personal canvas', () => {
		const doc = workspace();
		const id = getOrCreatePersonalCanvas(doc, 'u1');
		expect(id).toBe(personalCanvasId('u1'));
		expect(getOrCreatePersonalCanvas(doc, 'u1')).toBe(id);
		expect(readCanvases(doc).filter((c) => c.level === 'personal')).toHaveLength(1);
		expect(readCanvas(doc, id)).toMatchObject({ level: 'personal', ownerId: 'u1', name: '' });
		expectWorkspaceError('not_renamable', () => renamePilotCanvas(doc, id, 'x'));
		expectWorkspaceError('invalid_input', () => getOrCreatePersonalCanvas(doc, ''));
		removeCanvas(doc, id);
		expect(readCanvas(doc, id)).toBeNull();
	});

	it('refuses to remove the Doetank canvas', () => {
		const doc = workspace();
		expectWorkspaceError('doetank_canvas_required', () => removeCanvas(doc, DOETANK_CANVAS_ID));
		expect(readCanvas(doc, DOETANK_CANVAS_ID)).not.toBeNull();
	});

	it('keeps the society canvas (level 4) and the network canvas (level 5): one each, never removed', () => {
		const doc = workspace();
		ensureSocietyCanvas(doc, at('2025-01-02T00:00:00Z'));
		writeTiptap(canvasField(doc, SOCIETY_CANVAS_ID, 'baten'), [p(text('Minder schulden landelijk'))]);
		ensureSocietyCanvas(doc);
		expect(readCanvas(doc, SOCIETY_CANVAS_ID)).toMatchObject({
			level: 'society',
			name: '',
			ownerId: null,
			createdAt: '2025-01-02T00:00:00.000Z',
			fields: { baten: 'Minder schulden landelijk' }
		});
		expectWorkspaceError('fixed_canvas', () => removeCanvas(doc, SOCIETY_CANVAS_ID));
		expectWorkspaceError('not_renamable', () => renamePilotCanvas(doc, SOCIETY_CANVAS_ID, 'x'));

		const network = new Y.Doc();
		ensureNetworkCanvas(network, at('2025-01-03T00:00:00Z'));
		ensureNetworkCanvas(network);
		expect(readCanvases(network).map((c) => [c.id, c.level])).toEqual([[NETWORK_CANVAS_ID, 'network']]);
		expectWorkspaceError('fixed_canvas', () => removeCanvas(network, NETWORK_CANVAS_ID));
	});

	it('lists the Doetank canvas first, pilots by creation then name, society, members by name', () => {
		const doc = workspace();
		for (const user of ['u1', 'u2', 'u3']) getOrCreatePersonalCanvas(doc, user);
		ensureSocietyCanvas(doc, at('2024-01-01T00:00:00Z'));
		const late = createPilotCanvas(doc, 'Later', at('2025-03-01T00:00:00Z'));
		const b = createPilotCanvas(doc, 'b-org', at('2025-02-01T00:00:00Z'));
		const a = createPilotCanvas(doc, 'A-org', at('2025-02-01T00:00:00Z'));
		expect(readCanvases(doc, (id) => NAMES[id] ?? id).map((c) => c.id)).toEqual([
			DOETANK_CANVAS_ID,
			a,
			b,
			late,
			SOCIETY_CANVAS_ID,
			personalCanvasId('u2'),
			personalCanvasId('u3'),
			personalCanvasId('u1')
		]);
	});

	it('stores the chosen strategy and refuses an unknown one', () => {
		const doc = workspace();
		setCanvasStrategy(doc, DOETANK_CANVAS_ID, 'zelfde_input_meer_output');
		expect(readCanvas(doc, DOETANK_CANVAS_ID)?.strategy).toBe('zelfde_input_meer_output');
		expectWorkspaceError('invalid_input', () => setCanvasStrategy(doc, DOETANK_CANVAS_ID, 'sneller' as 'indirect'));
		setCanvasStrategy(doc, DOETANK_CANVAS_ID, null);
		expect(readCanvas(doc, DOETANK_CANVAS_ID)?.strategy).toBeNull();
		expectWorkspaceError('not_found', () => setCanvasStrategy(doc, 'pilot:nope', null));
	});

	it('shows field texts as Markdown, live across synced documents', () => {
		const a = workspace();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update));
		writeTiptap(canvasField(a, DOETANK_CANVAS_ID, 'kosten'), [p(text('Twee dagdelen per '), text('maand', 'bold'))]);
		expect(readCanvas(b, DOETANK_CANVAS_ID)?.fields.kosten).toBe('Twee dagdelen per **maand**');
	});

	it('skips damaged entries and tolerates a canvas without fields', () => {
		const doc = workspace();
		const damaged = new Y.Map<unknown>();
		doc.transact(() => {
			canvasesMap(doc).set('junk', 5);
			canvasesMap(doc).set('alien', new Y.Map());
			canvasesMap(doc).set('bare', damaged);
			damaged.set('level', 'pilot');
		});
		expect(readCanvases(doc).map((c) => c.id)).toEqual([DOETANK_CANVAS_ID, 'bare']);
		expect(readCanvas(doc, 'bare')?.fields.baten).toBe('');
		expect(readCanvas(doc, 'alien')).toBeNull();
		expectWorkspaceError('not_found', () => canvasField(doc, 'bare', 'baten'));
		expect(canvasMap(doc, 'bare')).toBe(damaged);
	});

	it('merges two clients creating the same personal canvas into one', () => {
		const a = workspace();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		getOrCreatePersonalCanvas(a, 'u1');
		getOrCreatePersonalCanvas(b, 'u1');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readCanvases(a)).toEqual(readCanvases(b));
		expect(readCanvases(a).filter((c) => c.ownerId === 'u1')).toHaveLength(1);
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasField, NETWORK_CANVAS_ID, readCanvases } from './canvases';
import { isNetworkRoom, NETWORK_ROOM, prepareNetworkDocument } from './network';
import { MIGRATION_ORIGIN } from './schema';
import { p, text, writeTiptap } from './tiptap-fixture';

describe('the network document', () => {
	it('has a room id no Doetank id can have', () => {
		expect(isNetworkRoom(NETWORK_ROOM)).toBe(true);
		// Generated Doetank ids are base32 (a-z, 2-7), demo ids slugs of a-z and '_'.
		expect(NETWORK_ROOM).not.toMatch(/^[a-z0-9_]+$/);
		expect(isNetworkRoom('kennisbehoud')).toBe(false);
	});

	it('holds exactly the network canvas, created once with the migration origin', () => {
		const doc = new Y.Doc();
		const origins: unknown[] = [];
		doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		prepareNetworkDocument(doc, new Date('2025-01-01T00:00:00Z'));
		writeTiptap(canvasField(doc, NETWORK_CANVAS_ID, 'interventie'), [p(text('Doetanks in het hele land'))]);
		let updates = 0;
		doc.on('update', () => updates++);
		prepareNetworkDocument(doc);
		expect(updates).toBe(0);
		expect(origins[0]).toBe(MIGRATION_ORIGIN);
		const canvases = readCanvases(doc);
		expect(canvases.map((c) => [c.id, c.level, c.createdAt])).toEqual([
			[NETWORK_CANVAS_ID, 'network', '2025-01-01T00:00:00.000Z']
		]);
		expect(canvases[0]?.fields.interventie).toBe('Doetanks in het hele land');
	});

	it('converges when two writers prepare the same empty document at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		prepareNetworkDocument(a);
		prepareNetworkDocument(b);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readCanvases(a)).toEqual(readCanvases(b));
		expect(readCanvases(a)).toHaveLength(1);
	});
});

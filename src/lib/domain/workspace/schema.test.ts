import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, readActions } from './actions';
import { canvasField, DOETANK_CANVAS_ID, readCanvases, SOCIETY_CANVAS_ID } from './canvases';
import { WorkspaceVersionError } from './errors';
import { canvasesMap, metaMap, probleemdefinitie } from './layout';
import { MIGRATION_ORIGIN, migrateWorkspace, WORKSPACE_SCHEMA_VERSION, workspaceSchemaVersion } from './schema';
import { p, text, writeTiptap } from './tiptap-fixture';

const NOW = new Date('2025-01-01T00:00:00Z');

describe('migrateWorkspace', () => {
	it('is at version 3', () => {
		expect(WORKSPACE_SCHEMA_VERSION).toBe(3);
	});

	it('brings a version-0 document (no meta) to the current layout and keeps its content', () => {
		const doc = new Y.Doc();
		writeTiptap(probleemdefinitie(doc), [p(text('Schuldeisers werken langs elkaar heen.'))]);
		addAction(doc, { title: 'Bel de deurwaarder' }, 'u1');
		const origins: unknown[] = [];
		doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		expect(workspaceSchemaVersion(doc)).toBe(0);
		expect(migrateWorkspace(doc, NOW)).toEqual({ from: 0, to: 3 });
		expect(origins).toEqual([MIGRATION_ORIGIN]);
		expect(workspaceSchemaVersion(doc)).toBe(3);
		expect(readCanvases(doc).map((c) => [c.id, c.level, c.createdAt])).toEqual([
			[DOETANK_CANVAS_ID, 'doetank', '2025-01-01T00:00:00.000Z'],
			[SOCIETY_CANVAS_ID, 'society', '2025-01-01T00:00:00.000Z']
		]);
		expect(readActions(doc).map((a) => a.title)).toEqual(['Bel de deurwaarder']);
		expect(probleemdefinitie(doc).length).toBe(1);
	});

	it('is idempotent: a current document is left untouched', () => {
		const doc = new Y.Doc();
		migrateWorkspace(doc, NOW);
		let updates = 0;
		doc.on('update', () => updates++);
		expect(migrateWorkspace(doc)).toEqual({ from: 3, to: 3 });
		expect(updates).toBe(0);
	});

	it('converges when two clients migrate the same empty document at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		migrateWorkspace(a, NOW);
		migrateWorkspace(b, new Date('2025-01-02T00:00:00Z'));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readCanvases(a)).toEqual(readCanvases(b));
		expect(readCanvases(a).map((c) => c.id)).toEqual([DOETANK_CANVAS_ID, SOCIETY_CANVAS_ID]);
		expect(workspaceSchemaVersion(a)).toBe(3);
	});

	it('version 3 adds the society canvas to a version-2 document and keeps the Doetank canvas text', () => {
		const doc = new Y.Doc();
		migrateWorkspace(doc, NOW);
		canvasesMap(doc).delete(SOCIETY_CANVAS_ID);
		metaMap(doc).set('schemaVersion', 2);
		writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'kosten'), [p(text('Twee dagdelen'))]);
		expect(migrateWorkspace(doc, NOW)).toEqual({ from: 2, to: 3 });
		const canvases = readCanvases(doc);
		expect(canvases.map((c) => [c.id, c.level])).toEqual([
			[DOETANK_CANVAS_ID, 'doetank'],
			[SOCIETY_CANVAS_ID, 'society']
		]);
		expect(canvases[0]?.fields.kosten).toBe('Twee dagdelen');
		expect(Object.values(canvases[1]!.fields).every((v) => v === '')).toBe(true);
	});

	it('refuses a document from a newer version, or with a damaged version, without writing', () => {
		for (const version of [WORKSPACE_SCHEMA_VERSION + 1, 'one', -1, 1.5]) {
			const doc = new Y.Doc();
			metaMap(doc).set('schemaVersion', version);
			let updates = 0;
			doc.on('update', () => updates++);
			expect(() => migrateWorkspace(doc)).toThrow(WorkspaceVersionError);
			expect(updates).toBe(0);
			expect(readCanvases(doc)).toEqual([]);
		}
		const doc = new Y.Doc();
		metaMap(doc).set('schemaVersion', 7);
		expect(() => migrateWorkspace(doc)).toThrow(
			expect.objectContaining({ found: 7, supported: WORKSPACE_SCHEMA_VERSION })
		);
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, migrateWorkspace, probleemdefinitie, writeParagraphs } from '$lib/domain/workspace';
import { SECTIONS } from './sections';
import { UnsavedSections } from './unsaved-sections';

describe('UnsavedSections', () => {
	it('names the sections of the newest unconfirmed local changes, not remote ones', () => {
		const doc = new Y.Doc();
		const tracker = new UnsavedSections(doc);
		migrateWorkspace(doc);
		writeParagraphs(probleemdefinitie(doc), ['Schuldeisers werken langs elkaar heen.']);
		addAction(doc, { title: 'Bel de wethouder' }, 'u1');
		// The migration touched the canvases (the Doetank canvas) and meta.
		expect(tracker.sections(3, SECTIONS)).toEqual(['probleemdefinitie', 'business-cases', 'actielijst']);
		// The server confirmed the first two: only the action is still waiting.
		expect(tracker.sections(1, SECTIONS)).toEqual(['actielijst']);
		// A change from someone else does not count.
		const other = new Y.Doc();
		writeParagraphs(probleemdefinitie(other), ['Van een ander']);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'provider');
		expect(tracker.sections(1, SECTIONS)).toEqual(['actielijst']);
		expect(tracker.sections(0, SECTIONS)).toEqual([]);
		tracker.destroy();
	});

	it('says only "changes" when some unsaved ones are from before the page opened', () => {
		const doc = new Y.Doc();
		const tracker = new UnsavedSections(doc);
		addAction(doc, { title: 'x' }, 'u1');
		expect(tracker.sections(3, SECTIONS)).toBeNull();
		tracker.destroy();
	});
});

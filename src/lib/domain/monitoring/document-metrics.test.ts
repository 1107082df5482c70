import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addAction,
	canvasField,
	createPilotCanvas,
	DOETANK_CANVAS_ID,
	ensureDoetankCanvas,
	probleemdefinitie,
	updateAction
} from '$lib/domain/workspace';
import { p, text, writeTiptap } from '$lib/domain/workspace/tiptap-fixture';
import { documentMetrics, EMPTY_METRICS, growth, parseMetrics } from './document-metrics';

describe('documentMetrics', () => {
	it('is empty for a new document', () => {
		expect(documentMetrics(new Y.Doc())).toEqual(EMPTY_METRICS);
	});

	it('counts probleemdefinitie words, canvases, filled fields and actions', () => {
		const doc = new Y.Doc();
		writeTiptap(probleemdefinitie(doc), [p(text('Gezinnen wachten maanden')), p(text('op een gesprek — echt.'))]);
		ensureDoetankCanvas(doc);
		const pilot = createPilotCanvas(doc, 'Gemeente Delft');
		writeTiptap(canvasField(doc, DOETANK_CANVAS_ID, 'interventie'), [p(text('Een wachtkamer-app'))]);
		writeTiptap(canvasField(doc, pilot, 'kosten'), [p(text('€ 2.000'))]);
		const done = addAction(doc, { title: 'Bellen met de wethouder' }, 'ann');
		addAction(doc, { title: 'Pilot plannen' }, 'ann');
		updateAction(doc, done, { status: 'klaar' });
		expect(documentMetrics(doc)).toEqual({
			probleemdefinitieWords: 7,
			canvases: 2,
			filledFields: 2,
			actions: 2,
			actionsDone: 1
		});
	});

	it('gives growth as the difference, and reads stored metrics back', () => {
		const base = { probleemdefinitieWords: 10, canvases: 1, filledFields: 3, actions: 4, actionsDone: 1 };
		const now = { probleemdefinitieWords: 8, canvases: 2, filledFields: 7, actions: 6, actionsDone: 3 };
		expect(growth(base, now)).toEqual({
			probleemdefinitieWords: -2,
			canvases: 1,
			filledFields: 4,
			actions: 2,
			actionsDone: 2
		});
		expect(parseMetrics(JSON.stringify(base))).toEqual(base);
		expect(parseMetrics('{"canvases":"x"}')).toEqual({ ...EMPTY_METRICS });
		expect(parseMetrics('not json')).toBeNull();
		expect(parseMetrics(null)).toBeNull();
	});
});

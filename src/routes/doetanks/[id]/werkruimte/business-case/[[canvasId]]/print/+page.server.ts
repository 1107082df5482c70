import {
	BUSINESS_CASE_FIELD_KEYS,
	canvasMap,
	fieldOf,
	readCanvas,
	readCanvases,
	type BusinessCaseFieldKey
} from '$lib/domain/workspace';
import { canvasTitle } from '$lib/components/workspace/canvas/canvas-labels';
import { fragmentToJSON, type RichNode } from '$lib/components/workspace/canvas/rich-json';
import { canvasNotFound, withStoredWorkspace } from '../../stored.server';
import type { PageServerLoad } from './$types';

/** One canvas, or without a canvas id every canvas of the Doetank, each on its own page. */
export const load: PageServerLoad = (event) =>
	withStoredWorkspace(
		event,
		(doc, { doetank, ownerName }) => {
			const id = event.params.canvasId;
			const snapshots = id ? [readCanvas(doc, id) ?? canvasNotFound(event)] : readCanvases(doc, ownerName);
			return {
				doetank,
				canvases: snapshots.map((canvas) => {
					const map = canvasMap(doc, canvas.id);
					return {
						id: canvas.id,
						level: canvas.level,
						title: canvasTitle(canvas, event.locals.t, { meId: '', ownerName }),
						strategy: canvas.strategy,
						fields: Object.fromEntries(
							BUSINESS_CASE_FIELD_KEYS.map((key) => [key, fragmentToJSON(fieldOf(map, key))])
						) as Record<BusinessCaseFieldKey, RichNode[]>
					};
				})
			};
		},
		event.parent
	);

import type * as Y from 'yjs';
import { fragmentToMarkdown, probleemdefinitie, readActions, readCanvases } from '$lib/domain/workspace';

/** How far a Doetank's live document has grown: what the café facilitator and the coach look at. */
export interface DocumentMetrics {
	probleemdefinitieWords: number;
	canvases: number;
	/** Business-case fields with any text, over all canvases. */
	filledFields: number;
	actions: number;
	actionsDone: number;
}

export const EMPTY_METRICS: DocumentMetrics = {
	probleemdefinitieWords: 0,
	canvases: 0,
	filledFields: 0,
	actions: 0,
	actionsDone: 0
};

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function documentMetrics(doc: Y.Doc): DocumentMetrics {
	const canvases = readCanvases(doc);
	const actions = readActions(doc);
	return {
		probleemdefinitieWords: words(fragmentToMarkdown(probleemdefinitie(doc))),
		canvases: canvases.length,
		filledFields: canvases.reduce((n, c) => n + Object.values(c.fields).filter((f) => f.trim() !== '').length, 0),
		actions: actions.length,
		actionsDone: actions.filter((a) => a.status === 'klaar').length
	};
}

/** What was added since `base` (negative where something was removed). */
export function growth(base: DocumentMetrics, now: DocumentMetrics): DocumentMetrics {
	return {
		probleemdefinitieWords: now.probleemdefinitieWords - base.probleemdefinitieWords,
		canvases: now.canvases - base.canvases,
		filledFields: now.filledFields - base.filledFields,
		actions: now.actions - base.actions,
		actionsDone: now.actionsDone - base.actionsDone
	};
}

/** Reads stored metrics back, tolerating missing or foreign fields. */
export function parseMetrics(json: string | null): DocumentMetrics | null {
	if (!json) return null;
	try {
		const value = JSON.parse(json) as Record<string, unknown>;
		const num = (key: keyof DocumentMetrics) => (typeof value[key] === 'number' ? (value[key] as number) : 0);
		return {
			probleemdefinitieWords: num('probleemdefinitieWords'),
			canvases: num('canvases'),
			filledFields: num('filledFields'),
			actions: num('actions'),
			actionsDone: num('actionsDone')
		};
	} catch {
		return null;
	}
}

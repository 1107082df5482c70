import type { CanvasSnapshot } from '$lib/domain/workspace';
import type { Translate } from '$lib/i18n';

/** How a canvas is called in the selector, headings and the print view. */
export function canvasTitle(
	canvas: Pick<CanvasSnapshot, 'level' | 'name' | 'ownerId'>,
	t: Translate,
	people: { meId: string; ownerName: (id: string) => string }
): string {
	if (canvas.level === 'pilot') return t('workspace.canvas.pilot', { name: canvas.name });
	if (canvas.level === 'society') return t('workspace.canvas.society');
	if (canvas.level === 'network') return t('workspace.canvas.network');
	if (canvas.level === 'doetank' || canvas.ownerId === null) return t('workspace.canvas.doetank');
	if (canvas.ownerId === people.meId) return t('workspace.canvas.mine');
	return t('workspace.canvas.personal', { name: people.ownerName(canvas.ownerId) });
}

/** An id for the DOM from canvas ids ("pilot:…", "personal:…") and field keys. */
export const domId = (...parts: string[]): string => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_');

export interface Visitor {
	id: string;
	name: string;
	color: string;
}

/**
 * Who else has which canvas open, from the awareness states: the `canvas` a client in the
 * business-case section reports. Each person once per canvas, the current user left out.
 */
export function canvasVisitors(states: Iterable<[number, unknown]>, meId: string): Map<string, Visitor[]> {
	const byCanvas = new Map<string, Visitor[]>();
	for (const [, state] of states) {
		const s = state as { user?: Partial<Visitor>; section?: unknown; canvas?: unknown } | null;
		const user = s?.user;
		if (s?.section !== 'business-cases' || typeof s.canvas !== 'string') continue;
		if (
			typeof user?.id !== 'string' ||
			typeof user.name !== 'string' ||
			typeof user.color !== 'string' ||
			user.id === meId
		)
			continue;
		const list = byCanvas.get(s.canvas) ?? [];
		if (!list.some((v) => v.id === user.id)) list.push({ id: user.id, name: user.name, color: user.color });
		byCanvas.set(s.canvas, list);
	}
	return byCanvas;
}

/** The label as the screen and the exports show it (domain: business-case-fields.ts). */
export { fieldLabel } from '$lib/domain/workspace';

/** A file name part without accents, spaces or punctuation ("Gemeente Zoetermeer" → "gemeente-zoetermeer"). */
export function fileSlug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'canvas'
	);
}

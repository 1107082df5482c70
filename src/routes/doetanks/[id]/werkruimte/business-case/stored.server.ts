import { error, type RequestEvent } from '@sveltejs/kit';
import type * as Y from 'yjs';
import { forPage, requireLogin } from '$lib/server/http';
import type { DoetankDetail } from '$lib/server/doetanks/service';

export interface StoredWorkspace {
	doetank: { id: string; name: string };
	ownerName: (userId: string) => string;
}

/**
 * The Doetank's document as stored now, for the print view and the Markdown export: rendered on the
 * server, so a plain link works for every reader (read-only roles, scripts) and needs no open
 * workspace. The log holds every change before anyone sees it, so this is the live document.
 * 401 / 404 / 403 in the usual order; the document needs `workspace.read`. A page under the
 * Doetank's layout passes the layout's Doetank (`parent`), so it is not loaded twice.
 */
export async function withStoredWorkspace<T>(
	event: RequestEvent<{ id: string }>,
	use: (doc: Y.Doc, stored: StoredWorkspace) => T,
	parent?: () => Promise<DoetankDetail>
): Promise<T> {
	const user = requireLogin(event);
	const { doetanks, history } = event.locals.services;
	const id = event.params.id;
	const detail = await (parent ? parent() : forPage(event, () => doetanks.get(user, id)));
	const doc = await forPage(event, () => history.current(user, id));
	const names = new Map(detail.members.map((m) => [m.userId, m.name]));
	try {
		return use(doc, {
			doetank: { id: detail.doetank.id, name: detail.doetank.name },
			ownerName: (userId) => names.get(userId) ?? event.locals.t('workspace.canvas.formerMember')
		});
	} finally {
		doc.destroy();
	}
}

export function canvasNotFound(event: RequestEvent): never {
	error(404, { message: event.locals.t('workspace.canvas.notFound'), code: 'not_found' });
}

import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The document at the end of a day as one binary Yjs update (apply it to an empty Y.Doc). */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const state = await locals.services.history.stateAt(locals.user, params.id, { day: params.day });
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
});

export const fallback = methodNotAllowed;

import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The document exactly as frozen at one submission, as one binary Yjs update. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const state = await locals.services.history.submissionState(locals.user, params.id, {
		submissionId: params.submissionId
	});
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
});

export const fallback = methodNotAllowed;

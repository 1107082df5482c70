import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The document as one version holds it, as one binary Yjs update. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const state = await locals.services.versions.state(locals.user, params.id, { versionId: params.versionId });
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
});

export const fallback = methodNotAllowed;

import { api, methodNotAllowed, readBody, requireActor } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { HistoryVersionInput, NamedVersionInput, RenameVersionInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

/** The document as one version holds it, as one binary Yjs update. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	const state = await locals.services.versions.state(locals.user, params.id, { versionId: params.versionId });
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
});

/** A writer renames a named version: `{ "name": "…" }`. */
export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	requireActor(event);
	const { name } = await readBody(event, NamedVersionInput);
	const input = parseInput(RenameVersionInput, { versionId: params.versionId, name });
	await locals.services.versions.rename(locals.user, params.id, input);
	return new Response(null, { status: 204 });
});

/** A writer removes a named version. */
export const DELETE: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	requireActor(event);
	const input = parseInput(HistoryVersionInput, { versionId: params.versionId });
	await locals.services.versions.remove(locals.user, params.id, input);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

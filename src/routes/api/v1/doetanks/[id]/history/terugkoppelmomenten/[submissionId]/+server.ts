import { api, methodNotAllowed, requireActor } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { HistorySubmissionInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

/** The document exactly as frozen at one submission, as one binary Yjs update. */
export const GET: RequestHandler = api(async (event) => {
	const user = requireActor(event);
	const input = parseInput(HistorySubmissionInput, { submissionId: event.params.submissionId });
	const state = await event.locals.services.history.submissionState(user, event.params.id, input);
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
});

export const fallback = methodNotAllowed;

import { api, methodNotAllowed, requireActor } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { HistoryDayInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

/** The document at the end of a day as one binary Yjs update (apply it to an empty Y.Doc). */
export const GET: RequestHandler = api(async (event) => {
	const user = requireActor(event);
	const input = parseInput(HistoryDayInput, { day: event.params.day });
	const state = await event.locals.services.history.stateAt(user, event.params.id, input);
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
});

export const fallback = methodNotAllowed;

import { api, methodNotAllowed, requireActor } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { SubmissionRoundInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

/** The frozen Yjs state of one round, as stored; its SHA-256 is the round's `sha256`. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	requireActor({ locals });
	const { round } = parseInput(SubmissionRoundInput, { round: params.round });
	const state = await locals.services.checkpoints.state(locals.user, params.id, params.checkpointId, round);
	return new Response(new Uint8Array(state), {
		headers: { 'content-type': 'application/octet-stream', 'cache-control': 'private, no-store' }
	});
});

export const fallback = methodNotAllowed;

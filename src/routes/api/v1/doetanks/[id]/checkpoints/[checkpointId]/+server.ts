import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody, requireActor } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { CheckpointInput, SubmissionRoundInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params, url }) => {
	requireActor({ locals });
	const asked = url.searchParams.get('round');
	const round = asked === null ? undefined : parseInput(SubmissionRoundInput, { round: asked }).round;
	return json(await locals.services.checkpoints.get(locals.user, params.id, params.checkpointId, round));
});

export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, CheckpointInput);
	const checkpoint = await locals.services.checkpoints.update(locals.user, params.id, params.checkpointId, input);
	return json({ checkpoint });
});

export const fallback = methodNotAllowed;

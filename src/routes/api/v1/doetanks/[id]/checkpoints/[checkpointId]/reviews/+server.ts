import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { ReviewInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, ReviewInput);
	const submission = await locals.services.checkpoints.review(locals.user, params.id, params.checkpointId, input);
	return json({ submission }, { status: 201 });
});

export const fallback = methodNotAllowed;

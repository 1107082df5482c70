import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { TransitionInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, TransitionInput);
	const transition = await locals.services.phases.transition(locals.user, params.id, input);
	return json({ transition }, { status: 201 });
});

export const fallback = methodNotAllowed;

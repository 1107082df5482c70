import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { DoetankInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json(await locals.services.doetanks.get(locals.user, params.id))
);

export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, DoetankInput);
	await locals.services.doetanks.update(locals.user, params.id, input);
	return json(await locals.services.doetanks.get(locals.user, params.id));
});

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { DoetankInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => json(await locals.services.doetanks.list(locals.user)));

export const POST: RequestHandler = api(async (event) => {
	const { locals } = event;
	const input = await readBody(event, DoetankInput);
	const id = await locals.services.doetanks.create(locals.user, input);
	return json(await locals.services.doetanks.get(locals.user, id), { status: 201 });
});

export const fallback = methodNotAllowed;

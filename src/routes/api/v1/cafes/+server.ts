import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { CafeInput } from '$lib/validation/cafes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => json(await locals.services.cafes.list(locals.user)));

export const POST: RequestHandler = api(async (event) => {
	const { locals } = event;
	const cafe = await locals.services.cafes.create(locals.user, await readBody(event, CafeInput));
	return json({ cafe }, { status: 201 });
});

export const fallback = methodNotAllowed;

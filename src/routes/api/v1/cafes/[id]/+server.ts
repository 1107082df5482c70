import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	const { cafes } = locals.services;
	return json({
		cafe: await cafes.get(locals.user, params.id),
		attendees: await cafes.attendees(locals.user, params.id)
	});
});

export const fallback = methodNotAllowed;

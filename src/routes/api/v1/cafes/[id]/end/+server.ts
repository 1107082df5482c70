import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const POST = api(async ({ locals, params }) =>
	json({ cafe: await locals.services.cafes.end(locals.user, params.id!) })
);

export const fallback = methodNotAllowed;

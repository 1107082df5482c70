import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async ({ locals, params }) =>
	json({ cafe: await locals.services.cafes.end(locals.user, params.id) })
);

export const fallback = methodNotAllowed;

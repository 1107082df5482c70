import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json({ contacts: await locals.services.cafes.contacts(locals.user, params.id) })
);

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals, params }) =>
	json({ events: await locals.services.audit.events(locals.user, params.id!) })
);

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals, params }) =>
	json({ contacts: await locals.services.cafes.contacts(locals.user, params.id!) })
);

export const fallback = methodNotAllowed;

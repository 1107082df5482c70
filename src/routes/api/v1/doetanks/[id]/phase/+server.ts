import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals, params }) =>
	json(await locals.services.phases.overview(locals.user, params.id!))
);

export const fallback = methodNotAllowed;

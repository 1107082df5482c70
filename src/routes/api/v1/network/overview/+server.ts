import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals }) =>
	json({ doetanks: await locals.services.monitoring.overview(locals.user) })
);

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) =>
	json({ doetanks: await locals.services.monitoring.overview(locals.user) })
);

export const fallback = methodNotAllowed;

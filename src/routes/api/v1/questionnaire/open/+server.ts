import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) =>
	json({ questionnaires: await locals.services.questionnaires.openFor(locals.user) })
);

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json(await locals.services.questionnaires.waveResults(locals.user, params.waveId))
);

export const fallback = methodNotAllowed;

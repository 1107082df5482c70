import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json({ names: await locals.services.questionnaires.contacts(locals.user, params.waveId) })
);

export const fallback = methodNotAllowed;

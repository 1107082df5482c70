import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals, params }) =>
	json(await locals.services.questionnaires.waveResults(locals.user, params.waveId!))
);

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals, params }) =>
	json({ names: await locals.services.questionnaires.contacts(locals.user, params.waveId!) })
);

export const fallback = methodNotAllowed;

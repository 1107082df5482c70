import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals }) =>
	json({ questionnaires: await locals.services.questionnaires.openFor(locals.user) })
);

export const fallback = methodNotAllowed;

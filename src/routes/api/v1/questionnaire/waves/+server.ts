import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { WaveInput } from '$lib/validation/instruments';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) =>
	json({ waves: await locals.services.questionnaires.waves(locals.user) })
);

export const POST: RequestHandler = api(async (event) => {
	const { locals } = event;
	const wave = await locals.services.questionnaires.openWave(locals.user, await readBody(event, WaveInput));
	return json({ wave }, { status: 201 });
});

export const fallback = methodNotAllowed;

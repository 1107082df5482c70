import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { JoinInput } from '$lib/validation/cafes';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const { locals } = event;
	const result = await locals.services.cafes.join(locals.user, await readBody(event, JoinInput));
	return json('doetankId' in result ? { ...result, path: `/doetanks/${result.doetankId}/werkruimte` } : result);
});

export const fallback = methodNotAllowed;

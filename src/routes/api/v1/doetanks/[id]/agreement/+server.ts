import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { AgreementInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json(await locals.services.agreements.get(locals.user, params.id))
);

export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, AgreementInput);
	return json(await locals.services.agreements.save(locals.user, params.id, input));
});

export const fallback = methodNotAllowed;

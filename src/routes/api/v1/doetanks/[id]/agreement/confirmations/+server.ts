import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { ConfirmAgreementInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, ConfirmAgreementInput);
	return json(await locals.services.agreements.confirm(locals.user, params.id, input), { status: 201 });
});

export const fallback = methodNotAllowed;

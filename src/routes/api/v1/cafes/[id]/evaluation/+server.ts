import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json(await locals.services.cafes.evaluationForm(locals.user, params.id))
);

/** 201 without a body, like a vragenlijst response. The body is checked against the café's form by the service. */
export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	await locals.services.cafes.evaluate(locals.user, params.id, await readBody(event, z.looseObject({})));
	return new Response(null, { status: 201 });
});

export const fallback = methodNotAllowed;

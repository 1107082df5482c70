import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { cafeEvaluationInput } from '$lib/validation/cafes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json(await locals.services.cafes.evaluationForm(locals.user, params.id))
);

/** 201 without a body, like a vragenlijst response. The body is checked against this café's own form. */
export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const body = await readBody(event, z.looseObject({}));
	const { form } = await locals.services.cafes.evaluationForm(locals.user, params.id);
	await locals.services.cafes.evaluate(locals.user, params.id, parseInput(cafeEvaluationInput(form), body));
	return new Response(null, { status: 201 });
});

export const fallback = methodNotAllowed;

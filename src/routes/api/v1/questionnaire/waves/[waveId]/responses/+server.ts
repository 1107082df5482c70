import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { QuestionnaireResponseInput } from '$lib/validation/instruments';
import type { RequestHandler } from './$types';

/** 201 without a body: nothing about the stored response is handed back. */
export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	await locals.services.questionnaires.respond(
		locals.user,
		params.waveId,
		await readBody(event, QuestionnaireResponseInput)
	);
	return new Response(null, { status: 201 });
});

export const fallback = methodNotAllowed;

import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { NoteInput } from '$lib/validation/monitoring';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	await locals.services.monitoring.setNote(locals.user, params.id, await readBody(event, NoteInput));
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

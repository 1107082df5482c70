import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { NamedVersionInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

/** Automatic and named versions, newest first, with who edited in each. */
export const GET: RequestHandler = api(async ({ locals, params }) =>
	json({ versions: await locals.services.versions.list(locals.user, params.id) })
);

/** A writer names the document as it is now. */
export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, NamedVersionInput);
	return json({ version: await locals.services.versions.name(locals.user, params.id, input) }, { status: 201 });
});

export const fallback = methodNotAllowed;

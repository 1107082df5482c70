import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { CheckpointInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json(await locals.services.checkpoints.list(locals.user, params.id))
);

export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, CheckpointInput);
	const checkpoint = await locals.services.checkpoints.create(locals.user, params.id, input);
	return json({ checkpoint }, { status: 201 });
});

export const fallback = methodNotAllowed;

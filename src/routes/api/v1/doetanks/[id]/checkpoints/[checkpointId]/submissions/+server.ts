import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** No body: what is submitted is the checkpoint's subjects as the stored document holds them now. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const submission = await locals.services.checkpoints.submit(locals.user, params.id, params.checkpointId);
	return json({ submission }, { status: 201 });
});

export const fallback = methodNotAllowed;

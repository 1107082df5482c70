import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	const preview = await locals.services.invitations.preview(params.token);
	if (!preview) throw new AppError('not_found', 'error.invitationInvalid');
	return json(preview);
});

/** Accepts the invitation for the logged-in user. */
export const POST: RequestHandler = api(async ({ locals, params }) => {
	const doetankId = await locals.services.invitations.accept(locals.user, params.token);
	return json({ doetankId }, { status: 201 });
});

export const fallback = methodNotAllowed;

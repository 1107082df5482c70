import { AppError } from '$lib/server/errors';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	if (!locals.user) throw new AppError('unauthenticated', 'error.unauthenticated');
	await locals.services.auth.revokeSession(locals.user.id, params.sessionId);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

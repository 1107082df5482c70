import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => {
	if (!locals.user || !locals.session) throw new AppError('unauthenticated', 'error.unauthenticated');
	return json({ sessions: await locals.services.auth.listSessions(locals.user.id, locals.session.id) });
});

export const fallback = methodNotAllowed;

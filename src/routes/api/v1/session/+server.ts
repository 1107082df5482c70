import { json } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { api, methodNotAllowed, readPublicBody } from '$lib/server/http';
import { clearSessionCookie, clientInfo, setSessionCookie } from '$lib/server/session-cookie';
import { LoginInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => {
	if (!locals.user || !locals.session) throw new AppError('unauthenticated', 'error.unauthenticated');
	return json({ user: locals.user, expiresAt: locals.session.expiresAt.toISOString() });
});

export const POST: RequestHandler = api(async (event) => {
	const input = await readPublicBody(event, LoginInput);
	const session = await event.locals.services.auth.login(input, clientInfo(event));
	setSessionCookie(event, session);
	return json({ userId: session.userId, expiresAt: session.expiresAt.toISOString() });
});

export const DELETE: RequestHandler = api(async (event) => {
	if (!event.locals.session) throw new AppError('unauthenticated', 'error.unauthenticated');
	await event.locals.services.auth.logout(event.locals.session.userId, event.locals.session.id);
	clearSessionCookie(event);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

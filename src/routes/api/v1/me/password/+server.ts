import { AppError } from '$lib/server/errors';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { ChangePasswordInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = api(async (event) => {
	const { locals } = event;
	if (!locals.user || !locals.session) throw new AppError('unauthenticated', 'error.unauthenticated');
	const input = await readBody(event, ChangePasswordInput);
	await locals.services.auth.changePassword(locals.user.id, locals.session.id, input);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

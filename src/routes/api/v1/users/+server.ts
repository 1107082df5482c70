import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readPublicBody } from '$lib/server/http';
import { clientInfo, setSessionCookie } from '$lib/server/session-cookie';
import { RegisterInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const input = await readPublicBody(event, RegisterInput);
	const { userId, session, doetankId } = await event.locals.services.auth.register(input, clientInfo(event));
	setSessionCookie(event, session);
	return json(
		{ user: { id: userId, email: input.email, name: input.name }, doetankId: doetankId ?? null },
		{ status: 201 }
	);
});

export const GET: RequestHandler = api(async ({ locals }) =>
	json({ users: await locals.services.users.list(locals.user) })
);

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { MembershipInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, MembershipInput);
	const member = await locals.services.doetanks.changeMembership(locals.user, params.id, params.userId, input);
	return json({ member });
});

export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	await locals.services.doetanks.removeMember(locals.user, params.id, params.userId);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

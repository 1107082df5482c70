import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { NetworkRoleInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, NetworkRoleInput);
	return json({ user: await locals.services.users.setNetworkRole(locals.user, params.id, input) });
});

export const fallback = methodNotAllowed;

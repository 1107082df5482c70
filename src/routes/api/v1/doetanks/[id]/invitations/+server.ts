import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { InvitationInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const { locals, params, url } = event;
	const input = await readBody(event, InvitationInput);
	const invitation = await locals.services.invitations.create(locals.user, params.id, input);
	return json(
		{
			...invitation,
			url: new URL(invitation.path, url.origin).href,
			expiresAt: new Date(invitation.expiresAt).toISOString()
		},
		{ status: 201 }
	);
});

export const fallback = methodNotAllowed;

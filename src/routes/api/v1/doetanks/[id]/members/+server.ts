import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { AddMemberInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json({ members: await locals.services.doetanks.members(locals.user, params.id) })
);

/**
 * Invites an existing account by e-mail (it joins when it accepts). 202 whatever the address:
 * the answer does not tell whether it belongs to an account.
 */
export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, AddMemberInput);
	await locals.services.invitations.inviteByEmail(locals.user, params.id, input);
	return json({ invitation: 'pending' }, { status: 202 });
});

export const fallback = methodNotAllowed;

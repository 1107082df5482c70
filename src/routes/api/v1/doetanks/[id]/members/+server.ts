import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { AddMemberInput } from '$lib/validation/schemas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json({ members: await locals.services.doetanks.members(locals.user, params.id) })
);

export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	const input = await readBody(event, AddMemberInput);
	const member = await locals.services.doetanks.addMember(locals.user, params.id, input);
	return json({ member }, { status: 201 });
});

export const fallback = methodNotAllowed;

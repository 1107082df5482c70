import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { InboxReadInput } from '$lib/validation/governance';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const { locals } = event;
	const input = await readBody(event, InboxReadInput);
	const marked = await locals.services.notifications.markRead(locals.user, input);
	return json({ marked, unread: await locals.services.notifications.unreadCount(locals.user) });
});

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import { notificationText } from '$lib/server/notifications/text';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => {
	const inbox = await locals.services.notifications.inbox(locals.user);
	return json({
		unread: inbox.unread,
		items: inbox.items.map((n) => ({ ...n, message: notificationText(locals.t, n) }))
	});
});

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) => json(await locals.services.calendar.status(locals.user)));

/** A new secret feed link in the caller's language; an earlier link stops working. */
export const POST: RequestHandler = api(async ({ locals, url }) => {
	const feed = await locals.services.calendar.create(locals.user, locals.locale);
	return json({ ...feed, url: new URL(feed.path, url.origin).href }, { status: 201 });
});

export const DELETE: RequestHandler = api(async ({ locals }) => {
	await locals.services.calendar.revoke(locals.user);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

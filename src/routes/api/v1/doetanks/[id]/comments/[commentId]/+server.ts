import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody, requireActor } from '$lib/server/http';
import { threadChangeInput } from '$lib/validation/comments';
import type { RequestHandler } from './$types';

/** `{ resolved }` resolves or reopens the thread; `{ body }` changes its text (its author only). */
export const PATCH: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	requireActor(event);
	const input = await readBody(event, threadChangeInput(locals.services.config.COMMENT_MAX_BODY_CHARS));
	return json({ thread: await locals.services.comments.change(locals.user, params.id, params.commentId, input) });
});

/** Removes the thread with its replies: its author, or a trekker, coach or admin. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	await locals.services.comments.remove(locals.user, params.id, params.commentId);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody, requireActor } from '$lib/server/http';
import { newCommentInput } from '$lib/validation/comments';
import type { RequestHandler } from './$types';

/** Every comment of the Doetank with its replies, and what the asker may do with them. */
export const GET: RequestHandler = api(async ({ locals, params }) => {
	return json(await locals.services.comments.list(locals.user, params.id));
});

/** A new comment on a range of one of the workspace's texts (any member, read-only roles included). */
export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	requireActor(event);
	const input = await readBody(event, newCommentInput(locals.services.config.COMMENT_MAX_BODY_CHARS));
	return json({ thread: await locals.services.comments.create(locals.user, params.id, input) }, { status: 201 });
});

export const fallback = methodNotAllowed;

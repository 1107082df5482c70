import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody, requireActor } from '$lib/server/http';
import { replyInput } from '$lib/validation/comments';
import type { RequestHandler } from './$types';

/** Its author changes a reply's text. */
export const PATCH: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	requireActor(event);
	const input = await readBody(event, replyInput(locals.services.config.COMMENT_MAX_BODY_CHARS));
	const { comments } = locals.services;
	return json({ reply: await comments.changeReply(locals.user, params.id, params.commentId, params.replyId, input) });
});

/** Its author, or a trekker, coach or admin, removes a reply. */
export const DELETE: RequestHandler = api(async ({ locals, params }) => {
	await locals.services.comments.removeReply(locals.user, params.id, params.commentId, params.replyId);
	return new Response(null, { status: 204 });
});

export const fallback = methodNotAllowed;

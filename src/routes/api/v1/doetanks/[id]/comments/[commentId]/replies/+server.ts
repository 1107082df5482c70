import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody, requireActor } from '$lib/server/http';
import { replyInput } from '$lib/validation/comments';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	requireActor(event);
	const input = await readBody(event, replyInput(locals.services.config.COMMENT_MAX_BODY_CHARS));
	const reply = await locals.services.comments.reply(locals.user, params.id, params.commentId, input);
	return json({ reply }, { status: 201 });
});

export const fallback = methodNotAllowed;

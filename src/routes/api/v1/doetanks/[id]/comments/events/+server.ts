import { api, methodNotAllowed } from '$lib/server/http';
import { limitedEventStream } from '$lib/server/sse';
import type { RequestHandler } from './$types';

/**
 * `changed` whenever a comment of this Doetank was added, answered, resolved, edited or removed
 * (by anyone, through any process); the page then reads the list again. The stream carries no
 * content, so a member removed while it is open learns nothing more than that something changed.
 */
export const GET: RequestHandler = api(async ({ locals, params, request }) => {
	const { comments, commentChanges, streams, log } = locals.services;
	// Authorised before the stream opens, so a refusal is an ordinary JSON error.
	await comments.watch(locals.user, params.id);
	return limitedEventStream(streams, locals.user!.id, request.signal, (send) => {
		let last: number | null = null;
		const check = () => {
			comments.version(params.id).then(
				(version) => {
					// `ready` once the first counter is known: the page reads the list after it, so
					// every change after that read is announced.
					if (last === null) send('ready', { version });
					else if (version !== last) send('changed', { version });
					last = version;
				},
				(err: unknown) => log.error({ err, doetankId: params.id }, 'comment version check failed')
			);
		};
		check();
		return commentChanges.subscribe(check);
	});
});

export const fallback = methodNotAllowed;

import { requireNetwork } from '$lib/server/authz';
import { api, methodNotAllowed } from '$lib/server/http';
import { limitedEventStream } from '$lib/server/sse';
import type { RequestHandler } from './$types';

/**
 * `changed` whenever a transition, agreement confirmation, submission, review, terugkoppelmoment or
 * membership change happened; the page then reloads its dashboard (the same rows as the JSON endpoint).
 * Every stream listens to the process's one poller of the change counter.
 */
export const GET: RequestHandler = api(async ({ locals, request }) => {
	const user = requireNetwork(locals.user, 'doetank.list');
	const { governanceChanges, streams } = locals.services;
	return limitedEventStream(streams, user.id, request.signal, (send) => {
		send('ready', { at: Date.now() });
		return governanceChanges.subscribe(() => send('changed', { at: Date.now() }));
	});
});

export const fallback = methodNotAllowed;

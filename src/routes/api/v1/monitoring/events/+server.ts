import { requireNetwork } from '$lib/server/authz';
import { api, methodNotAllowed } from '$lib/server/http';
import { eventStream } from '$lib/server/sse';
import type { RequestHandler } from './$types';

/** Governance events are read from the database, so the stream looks for a change this often. */
const POLL_MS = 2_000;

/**
 * `changed` whenever a transition, agreement confirmation, submission, review, terugkoppelmoment or
 * membership change happened; the page then reloads its dashboard (the same rows as the JSON endpoint).
 */
export const GET: RequestHandler = api(async ({ locals, request }) => {
	requireNetwork(locals.user, 'doetank.list');
	const { monitoring, log } = locals.services;
	let last = await monitoring.fingerprint();
	return eventStream(request.signal, (send) => {
		send('ready', { at: Date.now() });
		const timer = setInterval(() => {
			monitoring.fingerprint().then(
				(now) => {
					if (now === last) return;
					last = now;
					send('changed', { at: Date.now() });
				},
				(err: unknown) => log.error({ err }, 'dashboard change check failed')
			);
		}, POLL_MS);
		return () => clearInterval(timer);
	});
});

export const fallback = methodNotAllowed;

import { api, methodNotAllowed } from '$lib/server/http';
import { limitedEventStream, throttle } from '$lib/server/sse';
import type { RequestHandler } from './$types';

/** Growth is read from the stored documents, so it is refreshed on a timer; presence is pushed as it changes. */
const REFRESH_MS = 5_000;

export const GET: RequestHandler = api(async (event) => {
	const { locals, params, request } = event;
	const { cafes, log, streams } = locals.services;
	const id = params.id;
	// Authorised before the stream opens, so a refusal is an ordinary JSON error.
	await cafes.get(locals.user, id);
	const key = locals.user?.id ?? `ip:${event.getClientAddress()}`;
	return limitedEventStream(streams, key, request.signal, (send) => {
		const snapshot = throttle(() => {
			cafes.live(locals.user, id).then(
				(live) => send('snapshot', live),
				(err: unknown) => log.error({ err, cafeId: id }, 'café live view failed')
			);
		}, 500);
		let closed = false;
		let unwatch = () => {};
		void cafes.watch(locals.user, id, snapshot.call).then((stop) => (closed ? stop() : (unwatch = stop)));
		const timer = setInterval(snapshot.call, REFRESH_MS);
		snapshot.call();
		return () => {
			closed = true;
			clearInterval(timer);
			snapshot.cancel();
			unwatch();
		};
	});
});

export const fallback = methodNotAllowed;

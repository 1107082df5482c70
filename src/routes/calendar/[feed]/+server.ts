import { error } from '@sveltejs/kit';
import { feedToIcs } from '$lib/server/calendar/ics-feed';
import type { RequestHandler } from './$types';

/** The personal iCalendar feed; the secret token in the path is the only credential (no cookie). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const token = params.feed.endsWith('.ics') ? params.feed.slice(0, -'.ics'.length) : '';
	const data = /^[a-z2-7]{32}$/.test(token) ? await locals.services.calendar.feed(token) : null;
	if (!data) error(404, { message: locals.t('error.notFound') });
	return new Response(feedToIcs(data, url.origin), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' }
	});
};

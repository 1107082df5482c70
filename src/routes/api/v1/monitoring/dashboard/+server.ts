import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Each signal keeps its message key and parameters and gets its explanation in the request's language. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const { rows, settings } = await locals.services.monitoring.dashboard(locals.user);
	return json({
		rows: rows.map((r) => ({ ...r, signals: r.signals.map((s) => ({ ...s, text: locals.t(s.message, s.params) })) })),
		settings
	});
});

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import { periodOf } from '$lib/server/report/period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async (event) => {
	const user = event.locals.user;
	event.locals.services.report.mayView(user);
	return json({ report: await event.locals.services.report.report(user, periodOf(event.url)) });
});

export const fallback = methodNotAllowed;

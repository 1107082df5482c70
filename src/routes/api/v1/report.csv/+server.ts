import { csvHeaders } from '$lib/server/csv';
import { api, methodNotAllowed } from '$lib/server/http';
import { periodOf } from '$lib/server/report/period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async (event) => {
	const user = event.locals.user;
	event.locals.services.report.mayView(user);
	const { filename, csv } = await event.locals.services.report.csv(user, periodOf(event.url), event.locals.t);
	return new Response(csv, { headers: csvHeaders(filename) });
});

export const fallback = methodNotAllowed;

import { csvHeaders } from '$lib/server/csv';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The phase in the reader's language, as the report's table printed it. */
export const GET: RequestHandler = api(async ({ locals }) => {
	const csv = await locals.services.monitoring.overviewCsv(locals.user, locals.t);
	return new Response(csv, { headers: csvHeaders('overzicht-doetanks.csv') });
});

export const fallback = methodNotAllowed;

import { csvHeaders } from '$lib/server/csv';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, params }) => {
	const { filename, csv } = await locals.services.cafes.resultsCsv(locals.user, params.id, locals.t);
	return new Response(csv, { headers: csvHeaders(filename) });
});

export const fallback = methodNotAllowed;

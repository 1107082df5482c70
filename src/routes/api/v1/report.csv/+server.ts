import { csvHeaders } from '$lib/server/csv';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) => {
	const { filename, csv } = await locals.services.report.csv(
		locals.user,
		{
			from: url.searchParams.get('from') ?? undefined,
			to: url.searchParams.get('to') ?? undefined
		},
		locals.t
	);
	return new Response(csv, { headers: csvHeaders(filename) });
});

export const fallback = methodNotAllowed;

import { csvHeaders } from '$lib/server/csv';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals, params }) => {
	const { filename, csv } = await locals.services.cafes.resultsCsv(locals.user, params.id!);
	return new Response(csv, { headers: csvHeaders(filename) });
});

export const fallback = methodNotAllowed;

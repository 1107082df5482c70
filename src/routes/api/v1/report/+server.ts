import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals, url }) =>
	json({
		report: await locals.services.report.report(locals.user, {
			from: url.searchParams.get('from') ?? undefined,
			to: url.searchParams.get('to') ?? undefined
		})
	})
);

export const fallback = methodNotAllowed;

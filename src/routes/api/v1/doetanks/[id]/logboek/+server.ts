import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { LogboekInput } from '$lib/validation/instruments';
import type { RequestHandler } from './$types';

const body = (view: Awaited<ReturnType<App.Locals['services']['logboek']['view']>>) => ({
	entries: view.entries,
	filled: view.filled,
	canEdit: view.canEdit
});

export const GET: RequestHandler = api(async ({ locals, params }) =>
	json(body(await locals.services.logboek.view(locals.user, params.id)))
);

export const PUT: RequestHandler = api(async (event) => {
	const { locals, params } = event;
	return json(body(await locals.services.logboek.save(locals.user, params.id, await readBody(event, LogboekInput))));
});

export const fallback = methodNotAllowed;

import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { LogboekInput } from '$lib/validation/instruments';

const body = (view: Awaited<ReturnType<App.Locals['services']['logboek']['view']>>) => ({
	entries: view.entries,
	filled: view.filled,
	canEdit: view.canEdit
});

export const GET = api(async ({ locals, params }) =>
	json(body(await locals.services.logboek.view(locals.user, params.id!)))
);

export const PUT = api(async (event) => {
	const { locals, params } = event;
	return json(body(await locals.services.logboek.save(locals.user, params.id!, await readBody(event, LogboekInput))));
});

export const fallback = methodNotAllowed;

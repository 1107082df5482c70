import { json } from '@sveltejs/kit';
import { api, methodNotAllowed, readBody } from '$lib/server/http';
import { SignalSettingsInput } from '$lib/validation/monitoring';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(async ({ locals }) =>
	json({ settings: await locals.services.monitoring.settings(locals.user) })
);

export const PUT: RequestHandler = api(async (event) => {
	const { locals } = event;
	return json({
		settings: await locals.services.monitoring.saveSettings(locals.user, await readBody(event, SignalSettingsInput))
	});
});

export const fallback = methodNotAllowed;

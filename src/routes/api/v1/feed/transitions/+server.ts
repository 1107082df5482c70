import { json } from '@sveltejs/kit';
import { api, methodNotAllowed } from '$lib/server/http';

export const GET = api(async ({ locals }) => json({ transitions: await locals.services.phases.feed(locals.user) }));

export const fallback = methodNotAllowed;

import { redirect } from '@sveltejs/kit';
import { DEMO_PASSWORD } from '$lib/server/demo/seed';
import { forForm } from '$lib/server/http';
import { safeRedirectTarget } from '$lib/server/redirect';
import { formToObject, parseInput } from '$lib/server/parse';
import { clientInfo, setSessionCookie } from '$lib/server/session-cookie';
import { LoginInput } from '$lib/validation/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
	if (locals.user) redirect(303, redirectTo);
	const demo = await locals.services.demoAccounts();
	return {
		redirectTo,
		sessionEnded: url.searchParams.get('ended') === '1',
		registration: locals.services.config.REGISTRATION,
		demoAccounts: demo.map((u) => ({ email: u.email, name: u.name, networkRole: u.networkRole })),
		demoPassword: demo.length > 0 ? DEMO_PASSWORD : null
	};
};

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = formToObject(form);
		const failure = await forForm(
			event,
			async () => {
				const session = await event.locals.services.auth.login(parseInput(LoginInput, values), clientInfo(event));
				setSessionCookie(event, session);
				return { location: safeRedirectTarget(String(values.redirectTo ?? ''), event.url.origin) };
			},
			{ email: String(values.email ?? '') }
		);
		if ('location' in failure) redirect(303, failure.location);
		return failure;
	}
} satisfies Actions;

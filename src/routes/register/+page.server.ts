import { redirect } from '@sveltejs/kit';
import { forForm } from '$lib/server/http';
import { safeRedirectTarget } from '$lib/server/redirect';
import { formToObject, parseInput } from '$lib/server/parse';
import { clientInfo, setSessionCookie } from '$lib/server/session-cookie';
import { RegisterInput } from '$lib/validation/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const token = url.searchParams.get('invite');
	// Where to go after registering, e.g. back to the café that sent a new attendee here.
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin);
	if (locals.user) redirect(303, token ? `/invite/${encodeURIComponent(token)}` : redirectTo);
	const invitation = token ? await locals.services.invitations.preview(token) : null;
	return {
		invite: invitation ? token : null,
		invitation,
		inviteInvalid: Boolean(token && !invitation),
		redirectTo,
		registration: locals.services.config.REGISTRATION
	};
};

export const actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		if (values.invitation === '') delete values.invitation;
		const redirectTo = safeRedirectTarget(String(values.redirectTo ?? ''), event.url.origin);
		delete values.redirectTo;
		const failure = await forForm(
			event,
			async () => {
				const { session, doetankId } = await event.locals.services.auth.register(
					parseInput(RegisterInput, values),
					clientInfo(event)
				);
				setSessionCookie(event, session);
				return doetankId ? `/doetanks/${doetankId}` : redirectTo;
			},
			{ name: String(values.name ?? ''), email: String(values.email ?? '') }
		);
		if (typeof failure !== 'string') return failure;
		redirect(303, failure);
	}
} satisfies Actions;

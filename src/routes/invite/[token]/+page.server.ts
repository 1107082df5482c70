import { redirect } from '@sveltejs/kit';
import { forForm, forPage, requireLogin } from '$lib/server/http';
import { AppError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const found = await locals.services.invitations.preview(params.token, locals.user?.id);
	// A personal invitation (from the inbox) shows only to its invitee: someone logged out signs in first.
	if (!found && !locals.user && (await locals.services.invitations.isPersonal(params.token))) requireLogin(event);
	const preview = await forPage(event, async () => {
		if (!found) throw new AppError('not_found', 'error.invitationInvalid');
		return found;
	});
	return { preview, token: params.token, loggedIn: Boolean(locals.user) };
};

export const actions = {
	default: async (event) => {
		const failure = await forForm(event, () =>
			event.locals.services.invitations.accept(event.locals.user, event.params.token)
		);
		if (typeof failure !== 'string') return failure;
		redirect(303, `/doetanks/${failure}`);
	}
} satisfies Actions;

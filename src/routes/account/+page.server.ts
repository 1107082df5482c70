import { forForm, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { ChangePasswordInput } from '$lib/validation/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const sessions = await event.locals.services.auth.listSessions(user.id, event.locals.session!.id);
	return { sessions };
};

export const actions = {
	revoke: async (event) => {
		const { locals } = event;
		const sessionId = String((await event.request.formData()).get('sessionId') ?? '');
		return forForm(
			event,
			async () => {
				await locals.services.auth.revokeSession(requireLogin(event).id, sessionId);
				return { action: 'revoke', success: locals.t('account.revoked') };
			},
			{ action: 'revoke' }
		);
	},
	password: async (event) => {
		const { locals } = event;
		const values = formToObject(await event.request.formData());
		return forForm(
			event,
			async () => {
				await locals.services.auth.changePassword(
					requireLogin(event).id,
					locals.session!.id,
					parseInput(ChangePasswordInput, values)
				);
				return { action: 'password', success: locals.t('account.passwordChanged') };
			},
			{ action: 'password' }
		);
	}
} satisfies Actions;

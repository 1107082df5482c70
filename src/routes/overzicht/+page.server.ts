import { forForm, forPage, requireLogin } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	return { rows: await forPage(event, () => event.locals.services.monitoring.overview(user)) };
};

export const actions = {
	note: async (event) => {
		const form = await event.request.formData();
		const doetankId = String(form.get('doetankId') ?? '');
		return forForm(
			event,
			async () => {
				await event.locals.services.monitoring.setNote(event.locals.user, doetankId, {
					bijzonderheden: String(form.get('bijzonderheden') ?? '')
				});
				return { doetankId, success: event.locals.t('overview.saved') };
			},
			{ doetankId }
		);
	}
} satisfies Actions;

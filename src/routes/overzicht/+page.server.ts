import { forForm, forPage, requireActor, requireLogin } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { NoteInput } from '$lib/validation/monitoring';
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
				const user = requireActor(event);
				const input = parseInput(NoteInput, { bijzonderheden: String(form.get('bijzonderheden') ?? '') });
				await event.locals.services.monitoring.setNote(user, doetankId, input);
				return { doetankId, success: event.locals.t('overview.saved') };
			},
			{ doetankId }
		);
	}
} satisfies Actions;

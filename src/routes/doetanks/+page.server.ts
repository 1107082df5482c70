import { redirect } from '@sveltejs/kit';
import { forForm, forPage, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { DoetankInput } from '$lib/validation/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	return forPage(event, async () => ({
		...(await event.locals.services.doetanks.list(user)),
		// Without an inbox, open questionnaires are announced here.
		questionnaires: (await event.locals.services.questionnaires.openFor(user)).filter((q) => !q.responded)
	}));
};

export const actions = {
	create: async (event) => {
		const values = formToObject(await event.request.formData());
		const failure = await forForm(
			event,
			async () => {
				return event.locals.services.doetanks.create(event.locals.user, parseInput(DoetankInput, values));
			},
			{ values }
		);
		if (typeof failure !== 'string') return failure;
		redirect(303, `/doetanks/${failure}`);
	}
} satisfies Actions;

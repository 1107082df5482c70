import { forPage, requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { doetanks, questionnaires } = event.locals.services;
	return forPage(event, async () => {
		const results = await questionnaires.doetankResults(user, event.params.id);
		const { doetank } = await doetanks.get(user, event.params.id);
		return { doetank: { id: doetank.id, name: doetank.name }, ...results };
	});
};

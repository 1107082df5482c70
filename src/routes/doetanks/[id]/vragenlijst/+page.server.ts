import { forPage, requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	return forPage(event, () => event.locals.services.questionnaires.doetankResults(user, event.params.id));
};

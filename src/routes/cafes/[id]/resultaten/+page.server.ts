import { forPage, requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	return { results: await forPage(event, () => event.locals.services.cafes.results(user, event.params.id)) };
};

import { forPage, requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { cafes } = event.locals.services;
	return forPage(event, async () => ({
		cafe: await cafes.get(user, event.params.id),
		contacts: await cafes.contacts(user, event.params.id)
	}));
};

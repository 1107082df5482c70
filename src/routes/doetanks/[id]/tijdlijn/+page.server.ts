import { forPage, requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { services } = event.locals;
	return forPage(event, async () => ({
		events: await services.audit.events(user, event.params.id)
	}));
};

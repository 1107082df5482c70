import { forForm, forPage, requireLogin } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { cafes } = event.locals.services;
	return forPage(event, async () => {
		const live = await cafes.live(user, event.params.id);
		return { live, joinUrl: new URL(`/cafe/${live.cafe.code}`, event.url.origin).href };
	});
};

export const actions = {
	start: async (event) =>
		forForm(event, async () => void (await event.locals.services.cafes.start(event.locals.user, event.params.id))),
	end: async (event) =>
		forForm(event, async () => void (await event.locals.services.cafes.end(event.locals.user, event.params.id)))
} satisfies Actions;

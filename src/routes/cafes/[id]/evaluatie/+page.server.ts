import { redirect } from '@sveltejs/kit';
import { cafeForm } from '$lib/domain/instruments/cafe-evaluatie';
import { evaluationFromForm } from '$lib/server/cafes/form';
import { forForm, forPage, requireLogin } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { cafe } = await forPage(event, () => event.locals.services.cafes.evaluationForm(user, event.params.id));
	return { cafe };
};

export const actions = {
	default: async (event) => {
		const { cafes } = event.locals.services;
		const data = await event.request.formData();
		const failure = await forForm(event, async () => {
			const { cafe } = await cafes.evaluationForm(event.locals.user, event.params.id);
			await cafes.evaluate(event.locals.user, event.params.id, evaluationFromForm(data, cafeForm(cafe.grandCafe)));
			return null;
		});
		if (failure) return failure;
		redirect(303, '/cafe?bedankt');
	}
} satisfies Actions;

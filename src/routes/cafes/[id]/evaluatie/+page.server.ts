import { redirect } from '@sveltejs/kit';
import { evaluationFromForm } from '$lib/server/cafes/form';
import { forForm, forPage, requireLogin } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { cafeEvaluationInput } from '$lib/validation/cafes';
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
			// The answers are checked against this café's own form (a Grand Café asks more).
			const { form } = await cafes.evaluationForm(event.locals.user, event.params.id);
			const input = parseInput(cafeEvaluationInput(form), evaluationFromForm(data, form));
			await cafes.evaluate(event.locals.user, event.params.id, input);
			return null;
		});
		if (failure) return failure;
		redirect(303, '/cafe?bedankt');
	}
} satisfies Actions;

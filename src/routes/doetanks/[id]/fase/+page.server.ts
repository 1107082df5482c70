import { forForm, forPage, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { TransitionInput } from '$lib/validation/governance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { services } = event.locals;
	return forPage(event, async () => ({
		overview: await services.phases.overview(user, event.params.id)
	}));
};

export const actions = {
	move: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData(), {
			booleans: ['override'],
			nullable: ['reasonCategory']
		});
		return forForm(
			event,
			async () => {
				const transition = await locals.services.phases.transition(
					locals.user,
					params.id,
					parseInput(TransitionInput, values)
				);
				return {
					action: 'move',
					to: transition.to,
					success: locals.t('phasePage.moved', { phase: locals.t(`phase.${transition.to}`) })
				};
			},
			{ action: 'move', to: String(values.to ?? ''), values }
		);
	}
} satisfies Actions;

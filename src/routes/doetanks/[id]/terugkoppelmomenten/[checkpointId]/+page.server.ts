import { forForm, forPage, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { CheckpointInput, ReviewInput, SubmissionRoundInput } from '$lib/validation/governance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { services } = event.locals;
	const asked = event.url.searchParams.get('round');
	return forPage(event, async () => {
		const round = asked === null ? undefined : parseInput(SubmissionRoundInput, { round: asked }).round;
		return {
			detail: await services.checkpoints.get(user, event.params.id, event.params.checkpointId, round)
		};
	});
};

export const actions = {
	update: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData(), { arrays: ['subjects'] });
		return forForm(
			event,
			async () => {
				await locals.services.checkpoints.update(
					locals.user,
					params.id,
					params.checkpointId,
					parseInput(CheckpointInput, values)
				);
				return { action: 'update', success: locals.t('checkpoint.updated') };
			},
			{ action: 'update', values }
		);
	},
	submit: async (event) => {
		const { locals, params } = event;
		return forForm(
			event,
			async () => {
				const s = await locals.services.checkpoints.submit(locals.user, params.id, params.checkpointId);
				return { action: 'submit', success: locals.t('checkpoint.submitted', { round: s.round }) };
			},
			{ action: 'submit' }
		);
	},
	review: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData());
		return forForm(
			event,
			async () => {
				const s = await locals.services.checkpoints.review(
					locals.user,
					params.id,
					params.checkpointId,
					parseInput(ReviewInput, values)
				);
				return {
					action: 'review',
					success: locals.t(
						s.review?.decision === 'approved' ? 'checkpoint.approvedNow' : 'checkpoint.changesRequestedNow'
					)
				};
			},
			{ action: 'review', values }
		);
	}
} satisfies Actions;

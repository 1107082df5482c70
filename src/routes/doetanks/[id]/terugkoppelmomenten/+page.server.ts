import { redirect } from '@sveltejs/kit';
import { forForm, forPage, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { CheckpointInput } from '$lib/validation/governance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { services } = event.locals;
	return forPage(event, async () => ({
		list: await services.checkpoints.list(user, event.params.id)
	}));
};

export const actions = {
	create: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData(), { arrays: ['subjects'] });
		const created = await forForm(
			event,
			() => locals.services.checkpoints.create(locals.user, params.id, parseInput(CheckpointInput, values)),
			{ action: 'create', values }
		);
		if ('id' in created) redirect(303, `/doetanks/${params.id}/terugkoppelmomenten/${created.id}`);
		return created;
	}
} satisfies Actions;

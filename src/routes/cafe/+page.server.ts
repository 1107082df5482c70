import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/policy';
import { forForm, forPage } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { CafeInput, JoinInput } from '$lib/validation/cafes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, services } = event.locals;
	if (!user) return { loggedIn: false, cafes: [], attended: [], doetanks: null, thanked: false };
	return forPage(event, async () => ({
		loggedIn: true,
		...(await services.cafes.list(user)),
		doetanks: can(user, 'cafe.facilitate')
			? ((await services.doetanks.list(user)).all ?? []).map((d) => ({ id: d.id, name: d.name }))
			: null,
		thanked: event.url.searchParams.has('bedankt')
	}));
};

export const actions = {
	/** Join by code: straight into the workspace when there is one Doetank to go to. */
	join: async (event) => {
		const code = String((await event.request.formData()).get('code') ?? '').trim();
		if (!event.locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(`/cafe/${code.toUpperCase()}`)}`);
		const result = await forForm(
			event,
			() => event.locals.services.cafes.join(event.locals.user, parseInput(JoinInput, { code })),
			{
				action: 'join',
				code
			}
		);
		if ('doetankId' in result) redirect(303, `/doetanks/${result.doetankId}/werkruimte`);
		// Several Doetanks to choose from, or none yet (an invitation can still be accepted): the café's own page.
		if ('choose' in result || result.status === 403)
			redirect(303, `/cafe/${encodeURIComponent(code.toUpperCase().replace(/[\s-]/g, ''))}`);
		return result;
	},
	create: async (event) => {
		const values = formToObject(await event.request.formData(), { arrays: ['doetankIds'], booleans: ['grandCafe'] });
		const created = await forForm(
			event,
			() => event.locals.services.cafes.create(event.locals.user, parseInput(CafeInput, values)),
			{
				action: 'create',
				values
			}
		);
		if ('id' in created) redirect(303, `/cafes/${created.id}`);
		return created;
	}
} satisfies Actions;

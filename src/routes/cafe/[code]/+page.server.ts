import { redirect } from '@sveltejs/kit';
import { can } from '$lib/domain/policy';
import { forForm, forPage } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { JoinInput } from '$lib/validation/cafes';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user, services } = event.locals;
	const cafe = await forPage(event, () => services.cafes.preview(event.params.code));
	if (!user) return { cafe, loggedIn: false, mine: [], attended: false };
	const { mine } = await services.doetanks.list(user);
	const { attended } = await services.cafes.list(user);
	const own = cafe.doetanks.filter((d) =>
		mine.some((m) => m.id === d.id && can(user, 'workspace.read', { roles: m.roles }))
	);
	// With one Doetank in this café there is nothing to choose: scanning the code is joining
	// (attendance is recorded once however often the page is opened).
	if (own.length === 1 && !cafe.ended) {
		const result = await forPage(event, () =>
			services.cafes.join(user, { code: event.params.code, doetankId: own[0]!.id })
		);
		if ('doetankId' in result) redirect(303, `/doetanks/${result.doetankId}/werkruimte`);
	}
	return { cafe, loggedIn: true, mine: own, attended: attended.some((c) => c.id === cafe.id) };
};

const join = async (event: Parameters<Actions[string]>[0], input: Record<string, string>) => {
	if (!event.locals.user) redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname)}`);
	const result = await forForm(
		event,
		() =>
			event.locals.services.cafes.join(event.locals.user, parseInput(JoinInput, { code: event.params.code, ...input })),
		input
	);
	if ('doetankId' in result) redirect(303, `/doetanks/${result.doetankId}/werkruimte`);
	return 'choose' in result ? { choose: result.choose } : result;
};

export const actions = {
	join: async (event) => join(event, { doetankId: String((await event.request.formData()).get('doetankId') ?? '') }),
	invitation: async (event) =>
		join(event, { invitation: String((await event.request.formData()).get('invitation') ?? '') })
} satisfies Actions;

import { can } from '$lib/domain/policy';
import { forForm, forPage, requireActor, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { WaveInput } from '$lib/validation/instruments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { questionnaires, doetanks } = event.locals.services;
	return forPage(event, async () => ({
		open: await questionnaires.openFor(user),
		mine: (await doetanks.list(user)).mine.map((d) => ({ id: d.id, name: d.name })),
		waves: can(user, 'questionnaire.networkResults') ? await questionnaires.waves(user) : null,
		doetanks: can(user, 'questionnaire.manage')
			? ((await doetanks.list(user)).all ?? []).map((d) => ({ id: d.id, name: d.name, phase: d.phase }))
			: null,
		thanked: event.url.searchParams.has('ingevuld')
	}));
};

export const actions = {
	open: async (event) => {
		const values = formToObject(await event.request.formData(), { arrays: ['doetankIds'] });
		return forForm(
			event,
			async () => {
				const user = requireActor(event);
				const wave = await event.locals.services.questionnaires.openWave(user, parseInput(WaveInput, values));
				return { success: event.locals.t('questionnaire.waveOpened', { name: wave.name }) };
			},
			{ values }
		);
	}
} satisfies Actions;

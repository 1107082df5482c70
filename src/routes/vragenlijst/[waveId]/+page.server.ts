import { can } from '$lib/domain/policy';
import { forPage, requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { questionnaires } = event.locals.services;
	return forPage(event, async () => {
		const manage = can(user, 'questionnaire.manage');
		return {
			results: await questionnaires.waveResults(user, event.params.waveId),
			contacts: manage ? await questionnaires.contacts(user, event.params.waveId) : null,
			canExport: manage
		};
	});
};

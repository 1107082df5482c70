import { isMoment, TOPIC_IDS } from '$lib/domain/instruments/logboek-matrix';
import { forForm, forPage, requireActor, requireLogin } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { LogboekInput } from '$lib/validation/instruments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	return forPage(event, async () => {
		const view = await event.locals.services.logboek.view(user, event.params.id);
		const moment = event.url.searchParams.get('moment');
		return { ...view, moment: isMoment(moment) ? moment : 'begin' };
	});
};

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const moment = String(form.get('moment') ?? '');
		// Each topic has two fields, `<topic>.stimulerend` and `<topic>.remmend`.
		const entries = TOPIC_IDS.filter((id) => form.has(`${id}.stimulerend`) || form.has(`${id}.remmend`)).map(
			(topicId) => ({
				topicId,
				stimulerend: String(form.get(`${topicId}.stimulerend`) ?? ''),
				remmend: String(form.get(`${topicId}.remmend`) ?? '')
			})
		);
		return forForm(
			event,
			async () => {
				const user = requireActor(event);
				const input = parseInput(LogboekInput, { moment, entries });
				await event.locals.services.logboek.save(user, event.params.id, input);
				return { success: event.locals.t('logboek.saved') };
			},
			{}
		);
	}
} satisfies Actions;

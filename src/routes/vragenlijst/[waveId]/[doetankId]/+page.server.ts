import { redirect } from '@sveltejs/kit';
import { ITEMS } from '$lib/domain/instruments/vragenlijst';
import { forForm, forPage, requireLogin } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { QuestionnaireResponseInput } from '$lib/validation/instruments';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { wave, doetankName } = await forPage(event, () =>
		event.locals.services.questionnaires.form(user, event.params.waveId, event.params.doetankId)
	);
	return { wave: { id: wave.id, name: wave.name, closesOn: wave.closesOn }, doetankName };
};

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		// Radio values are codes or 'nvt' (niet van toepassing, a missing answer); empty fields are unanswered.
		const values: Record<string, string> = {};
		const answers: Record<string, number | null> = {};
		for (const item of ITEMS) {
			const raw = String(form.get(item.id) ?? '').trim();
			if (raw === '') continue;
			values[item.id] = raw;
			answers[item.id] = raw === 'nvt' ? null : Number(raw);
		}
		const remarks = String(form.get('remarks') ?? '');
		const contactName = String(form.get('contactName') ?? '');
		const failure = await forForm(
			event,
			async () => {
				// Parsed before the eligibility check, as the service did when it parsed.
				const input = parseInput(QuestionnaireResponseInput, {
					doetankId: event.params.doetankId,
					answers,
					remarks,
					contactName
				});
				await event.locals.services.questionnaires.respond(event.locals.user, event.params.waveId, input);
				return null;
			},
			{ values: { ...values, remarks, contactName } }
		);
		if (failure) return failure;
		redirect(303, '/vragenlijst?ingevuld');
	}
} satisfies Actions;

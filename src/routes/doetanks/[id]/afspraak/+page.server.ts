import { forForm, forPage, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { AgreementInput, ConfirmAgreementInput } from '$lib/validation/governance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { services } = event.locals;
	return forPage(event, async () => ({
		view: await services.agreements.get(user, event.params.id)
	}));
};

const version = (values: Record<string, unknown>) => ({ ...values, version: Number(values.version) });

export const actions = {
	save: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData(), { booleans: ['opdrachtgeverDecides'] });
		return forForm(
			event,
			async () => {
				const view = await locals.services.agreements.save(
					locals.user,
					params.id,
					parseInput(AgreementInput, version(values))
				);
				return { action: 'save', success: locals.t('agreement.saved', { version: view.agreement.version }) };
			},
			{ action: 'save', values }
		);
	},
	confirm: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData());
		return forForm(
			event,
			async () => {
				const view = await locals.services.agreements.confirm(
					locals.user,
					params.id,
					parseInput(ConfirmAgreementInput, version(values))
				);
				return { action: 'confirm', success: locals.t('agreement.confirmedNow', { version: view.agreement.version }) };
			},
			{ action: 'confirm' }
		);
	}
} satisfies Actions;

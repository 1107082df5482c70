import {
	AGREEMENT_TEXT_FIELDS,
	type AgreementContent,
	type AgreementTextField
} from '$lib/domain/governance/agreement';
import type { AgreementRow } from '$lib/server/db/governance';
import { AppError } from '$lib/server/errors';
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

/** The agreement as the user submitted it (unvalidated text, shown back to them only). */
function submitted(values: Record<string, unknown>): AgreementContent {
	const text = (v: unknown) => (typeof v === 'string' ? v : '');
	return {
		...(Object.fromEntries(AGREEMENT_TEXT_FIELDS.map((f) => [f, text(values[f])])) as Record<
			AgreementTextField,
			string
		>),
		opdrachtgeverDecides: values.opdrachtgeverDecides === true
	};
}

export const actions = {
	save: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData(), { booleans: ['opdrachtgeverDecides'] });
		const context: {
			action: 'save';
			values: typeof values;
			conflict?: { yours: AgreementContent; theirs: AgreementRow };
		} = { action: 'save', values };
		return forForm(
			event,
			async () => {
				try {
					const view = await locals.services.agreements.save(
						locals.user,
						params.id,
						parseInput(AgreementInput, version(values))
					);
					return { action: 'save', success: locals.t('agreement.saved', { version: view.agreement.version }) };
				} catch (err) {
					// Someone else saved meanwhile: send back the version now stored, so the page shows it beside
					// the text this user typed (kept in the form) instead of asking for a reload that loses it.
					if (err instanceof AppError && err.messageKey === 'error.agreementStale' && locals.user) {
						const { agreement } = await locals.services.agreements.get(locals.user, params.id);
						context.conflict = { yours: submitted(values), theirs: agreement };
					}
					throw err;
				}
			},
			context
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

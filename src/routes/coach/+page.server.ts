import { applyQuery, parseQuery, signalCounts } from '$lib/domain/monitoring/dashboard';
import { can } from '$lib/domain/policy';
import { forForm, forPage, requireActor, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { SignalSettingsInput } from '$lib/validation/monitoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { rows, settings } = await forPage(event, () => event.locals.services.monitoring.dashboard(user));
	const query = parseQuery(event.url.searchParams);
	return {
		rows: applyQuery(rows, query),
		total: rows.length,
		counts: signalCounts(rows),
		query,
		settings,
		canSettings: can(user, 'monitoring.settings'),
		now: Date.now()
	};
};

export const actions = {
	settings: async (event) => {
		const values = formToObject(await event.request.formData());
		return forForm(
			event,
			async () => {
				const user = requireActor(event);
				await event.locals.services.monitoring.saveSettings(user, parseInput(SignalSettingsInput, values));
				return { success: event.locals.t('coach.settingsSaved') };
			},
			{ values }
		);
	}
} satisfies Actions;

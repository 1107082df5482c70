import { dayIn } from '$lib/domain/calendar';
import { AppError } from '$lib/server/errors';
import { forPage, requireLogin } from '$lib/server/http';
import { parseInput } from '$lib/server/parse';
import { ReportPeriodInput } from '$lib/validation/report';
import type { PageServerLoad } from './$types';

/** Without a chosen period: this calendar year up to today. */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const today = dayIn(Date.now());
	const period = {
		from: event.url.searchParams.get('from') ?? `${today.slice(0, 4)}-01-01`,
		to: event.url.searchParams.get('to') ?? today
	};
	return forPage(event, async () => {
		// Someone who may not see the report gets 403, whatever period they asked for.
		event.locals.services.report.mayView(user);
		try {
			return {
				period,
				report: await event.locals.services.report.report(user, parseInput(ReportPeriodInput, period)),
				errors: {} as Record<string, string>
			};
		} catch (err) {
			if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
			const errors = Object.fromEntries(
				Object.entries(err.fields ?? {}).map(([field, problem]) => [field, event.locals.t(problem.key, problem.params)])
			);
			return { period, report: null, errors };
		}
	});
};

import { ReportPeriodInput } from '$lib/validation/report';
import { parseInput } from '../parse';

/** The report period of an API request (`?from=…&to=…`), parsed; both report endpoints read it so. */
export function periodOf(url: URL): ReportPeriodInput {
	return parseInput(ReportPeriodInput, {
		from: url.searchParams.get('from') ?? undefined,
		to: url.searchParams.get('to') ?? undefined
	});
}

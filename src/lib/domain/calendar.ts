/** The network works in the Netherlands: "a day" (due dates, daily checkpoints) is a Dutch calendar day. */
export const NETWORK_TIME_ZONE = 'Europe/Amsterdam';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day ('YYYY-MM-DD') of an instant in a time zone. */
export function dayIn(ms: number, timeZone: string = NETWORK_TIME_ZONE): string {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		formatters.set(timeZone, format);
	}
	return format.format(ms);
}

/** True for a real calendar date written as 'YYYY-MM-DD'. */
export function isDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

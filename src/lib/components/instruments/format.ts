import type { Locale } from '$lib/i18n';

const tag = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** A figure with a fixed number of decimals in the reader's language (4,10 / 4.10); '–' for none. */
export function formatNumber(locale: Locale, value: number | null, digits = 2): string {
	if (value === null) return '–';
	return new Intl.NumberFormat(tag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
		value
	);
}

/** A change with its sign (+0,50 / −0,25). */
export function formatChange(locale: Locale, value: number | null, digits = 2): string {
	if (value === null) return '–';
	return new Intl.NumberFormat(tag(locale), {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
		signDisplay: 'exceptZero'
	}).format(value);
}

/** A calendar day 'YYYY-MM-DD' as a readable date (it is a Dutch calendar day, so format it in UTC). */
export function formatDay(locale: Locale, day: string): string {
	return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}

import { en } from './en';
import { nl, type MessageKey, type Messages } from './nl';
import { selectPlurals } from './plural';

export type { MessageKey, Messages };
export type MessageParams = Record<string, string | number>;

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'lang';

const catalogues: Record<Locale, Messages> = { nl, en };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Looks a message up, chooses its plural forms (`plural.ts`) and fills in `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
	const template = selectPlurals(locale, catalogues[locale][key], params);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, as pages and handlers use it. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translate {
	return (key, params) => translate(locale, key, params);
}

/** The chosen language cookie wins, then the browser's first supported language, then Dutch. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	for (const part of (acceptLanguage ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
		if (isLocale(tag)) return tag;
	}
	return DEFAULT_LOCALE;
}

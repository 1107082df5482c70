import { getContext, setContext } from 'svelte';
import { translate, type Locale, type Translate } from './index';

/** The page's language and its translator, as every component reads them. */
export interface I18n {
	readonly locale: Locale;
	readonly t: Translate;
}

const KEY = Symbol('i18n');

/**
 * The root layout provides the language once, so no component takes `t` or `locale` as a prop.
 * `locale` is read on every call, so a language switch re-renders what depends on it.
 */
export function provideI18n(locale: () => Locale): I18n {
	const i18n: I18n = {
		get locale() {
			return locale();
		},
		t: (key, params) => translate(locale(), key, params)
	};
	return setContext(KEY, i18n);
}

export function useI18n(): I18n {
	const i18n = getContext<I18n | undefined>(KEY);
	if (!i18n) throw new Error('useI18n() needs provideI18n() in an enclosing layout');
	return i18n;
}

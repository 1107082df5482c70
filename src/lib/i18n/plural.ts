/**
 * Plurals in a message, in the ICU form translators know: `{count, plural, one {# regel} other {# regels}}`.
 * `#` stands for the number; the form is chosen by `Intl.PluralRules` of the language, so Dutch and
 * English need no "(s)" or "(n)". Other ICU features are not supported and are left as written.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rules(locale: string): Intl.PluralRules {
	let found = rulesByLocale.get(locale);
	if (!found) rulesByLocale.set(locale, (found = new Intl.PluralRules(locale)));
	return found;
}

/** Replaces every plural block whose number is among `params`; a missing number leaves the block visible. */
export function selectPlurals(locale: string, template: string, params: Record<string, string | number>): string {
	if (!template.includes(', plural,')) return template;
	return template.replace(PLURAL, (whole, name: string, body: string) => {
		if (!(name in params)) return whole;
		const count = Number(params[name]);
		const forms = new Map([...body.matchAll(FORM)].map((m) => [m[1]!, m[2]!]));
		const chosen = forms.get(`=${count}`) ?? forms.get(rules(locale).select(count)) ?? forms.get('other') ?? whole;
		return chosen.replaceAll('#', new Intl.NumberFormat(locale).format(count));
	});
}

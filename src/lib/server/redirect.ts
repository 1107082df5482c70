/** Any C0 control character or DEL: browsers strip some (tab, line breaks), and a header cannot hold them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Where to go after login, registration, an invitation or a language switch: `value` only when it
 * is a path on this site. It is resolved the way the browser will resolve it (`new URL(value,
 * origin)`), so `/\t/evil.example`, `/\\evil.example` or `/..//evil.example` cannot leave the site.
 */
export function safeRedirectTarget(
	value: string | null | undefined,
	origin: string | URL,
	fallback = '/doetanks'
): string {
	if (!value || !value.startsWith('/') || CONTROL.test(value)) return fallback;
	let url: URL;
	try {
		url = new URL(value, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin || url.pathname.startsWith('//')) return fallback;
	return url.pathname + url.search + url.hash;
}

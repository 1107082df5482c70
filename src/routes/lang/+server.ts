import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { safeRedirectTarget } from '$lib/server/redirect';

/** Stores the chosen language for a year and goes back to the page the visitor came from. */
export async function POST({ request, cookies, url }) {
	// A body that is no form (no or another content type) chooses nothing: back to the start page.
	const form = await request.formData().catch(() => new FormData());
	const lang = form.get('lang');
	if (isLocale(lang)) {
		cookies.set(LOCALE_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, httpOnly: false, sameSite: 'lax' });
	}
	redirect(303, safeRedirectTarget(String(form.get('back') ?? ''), url.origin, '/'));
}

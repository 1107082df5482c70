import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n';
import { safeRedirectTarget } from '$lib/server/http';

/** Stores the chosen language for a year and goes back to the page the visitor came from. */
export async function POST({ request, cookies }) {
	const form = await request.formData();
	const lang = form.get('lang');
	if (isLocale(lang)) {
		cookies.set(LOCALE_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, httpOnly: false, sameSite: 'lax' });
	}
	redirect(303, safeRedirectTarget(String(form.get('back') ?? ''), '/'));
}

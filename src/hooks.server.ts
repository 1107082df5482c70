import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { LOCALE_COOKIE, resolveLocale, translate, translator } from '$lib/i18n';
import { loadConfig } from '$lib/server/config';
import { createServices, type Services } from '$lib/server/services';
import { offerProcesses, servicesOr } from '$lib/server/slot';
import { apiError } from '$lib/server/http';
import { AppError } from '$lib/server/errors';
import { addSecurityHeaders, isCrossSiteWrite } from '$lib/server/security-headers';

let services: Services;

// The production entries run the processes from this bundle instead of bundling a copy of their own.
offerProcesses(() => import('../server/processes'));

export const init: ServerInit = async () => {
	services = await servicesOr(() => createServices(loadConfig(process.env)));
};

export const handle: Handle = async ({ event, resolve }) => {
	const locale = resolveLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	event.locals.services = services;
	event.locals.locale = locale;
	event.locals.t = translator(locale);
	event.locals.user = null;
	event.locals.session = null;
	event.locals.sessionEnded = false;

	if (isCrossSiteWrite(event)) {
		services.log.warn(
			{ path: event.url.pathname, method: event.request.method, origin: event.request.headers.get('origin') },
			'cross-site write refused'
		);
		const refused = event.url.pathname.startsWith('/api/')
			? apiError(new AppError('forbidden', 'error.crossSite'), event.locals.t)
			: new Response(translate(locale, 'error.crossSite'), { status: 403, headers: { 'content-type': 'text/plain' } });
		addSecurityHeaders(refused.headers);
		return refused;
	}

	const { lucia } = services;
	const sessionId = event.cookies.get(lucia.sessionCookieName);
	if (sessionId) {
		const { session, user } = await lucia.validateSession(sessionId);
		if (session?.fresh) {
			const cookie = lucia.createSessionCookie(session.id);
			event.cookies.set(cookie.name, cookie.value, { path: '/', ...cookie.attributes });
		}
		if (!session) {
			event.locals.sessionEnded = true;
			const blank = lucia.createBlankSessionCookie();
			event.cookies.set(blank.name, blank.value, { path: '/', ...blank.attributes });
		}
		if (session && user) {
			event.locals.session = session;
			event.locals.user = { id: user.id, networkRole: user.networkRole, name: user.name, email: user.email };
		}
	}

	const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	addSecurityHeaders(response.headers, services.config.PUBLIC_SYNC_URL);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) services?.log.error({ err: error, path: event.url.pathname }, 'unhandled error');
	const locale = event.locals.locale ?? 'nl';
	return { message: translate(locale, status === 404 ? 'error.notFound' : 'error.server') };
};

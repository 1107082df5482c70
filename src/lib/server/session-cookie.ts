import type { RequestEvent } from '@sveltejs/kit';
import type { Session } from 'lucia';
import type { ClientInfo } from './auth/service';

export function setSessionCookie(event: RequestEvent, session: Session): void {
	const cookie = event.locals.services.lucia.createSessionCookie(session.id);
	event.cookies.set(cookie.name, cookie.value, { path: '/', ...cookie.attributes });
}

export function clearSessionCookie(event: RequestEvent): void {
	const cookie = event.locals.services.lucia.createBlankSessionCookie();
	event.cookies.set(cookie.name, cookie.value, { path: '/', ...cookie.attributes });
}

export function clientInfo(event: RequestEvent): ClientInfo {
	return { ip: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') ?? '' };
}

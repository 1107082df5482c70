import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/session-cookie';

export async function POST(event) {
	if (event.locals.session)
		await event.locals.services.auth.logout(event.locals.session.userId, event.locals.session.id);
	clearSessionCookie(event);
	redirect(303, '/login');
}

import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.user ? { name: locals.user.name, email: locals.user.email, networkRole: locals.user.networkRole } : null,
	locale: locals.locale,
	demo: (await locals.services.demoAccounts()).length > 0,
	unread: await locals.services.notifications.unreadCount(locals.user)
});

import { forPage, requireLogin } from '$lib/server/http';
import type { LayoutServerLoad } from './$types';

/**
 * The Doetank every page under it shows in its header, loaded once: its row, the viewer's roles,
 * the members and the permissions. A page that needs it before its own checks awaits `parent()`.
 */
export const load: LayoutServerLoad = async (event) => {
	const user = requireLogin(event);
	return forPage(event, () => event.locals.services.doetanks.get(user, event.params.id));
};

import { error } from '@sveltejs/kit';
import { NETWORK_ROOM } from '$lib/domain/workspace';
import { userColour } from '$lib/sync/colour';
import { requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** The network's live business case (level 5): every member reads, network coaches and admins write. */
export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { doetanks, config } = event.locals.services;
	const access = await doetanks.roomAccess(user, NETWORK_ROOM);
	if (access.status !== 200) error(403, { message: event.locals.t('error.forbidden'), code: 'forbidden' });
	return {
		me: { id: user.id, name: user.name, colour: userColour(user.id) },
		canWrite: access.canWrite,
		serverUrl: config.PUBLIC_SYNC_URL ?? null
	};
};

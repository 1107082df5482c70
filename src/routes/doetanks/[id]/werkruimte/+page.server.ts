import { error } from '@sveltejs/kit';
import { userColour } from '$lib/sync/colour';
import { requireLogin } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { doetanks, config } = event.locals.services;
	// 401 / 404 / 403 in the usual order (the layout's Doetank), then the workspace's own rule
	// (members and network admins).
	const { doetank, members } = await event.parent();
	const access = await doetanks.workspaceAccess(user, event.params.id);
	if (access.status !== 200) error(403, { message: event.locals.t('error.forbidden'), code: 'forbidden' });
	return {
		doetank: { id: doetank.id, name: doetank.name },
		me: { id: user.id, name: user.name, colour: userColour(user.id) },
		roles: access.roles,
		canWrite: access.canWrite,
		members: members.map((m) => ({ id: m.userId, name: m.name, roles: m.roles })),
		serverUrl: config.PUBLIC_SYNC_URL ?? null
	};
};

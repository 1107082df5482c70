import { forForm, forPage, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { NetworkRoleInput } from '$lib/validation/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	return { users: await forPage(event, () => event.locals.services.users.list(user)), me: user.id };
};

export const actions = {
	role: async (event) => {
		const { locals } = event;
		const values = formToObject(await event.request.formData());
		const userId = String(values.userId ?? '');
		return forForm(
			event,
			async () => {
				const user = await locals.services.users.setNetworkRole(
					locals.user,
					userId,
					parseInput(NetworkRoleInput, values)
				);
				return {
					userId,
					success: locals.t('admin.saved', { name: user.name, role: locals.t(`role.network.${user.networkRole}`) })
				};
			},
			{ userId }
		);
	}
} satisfies Actions;

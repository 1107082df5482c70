import { forForm, requireLogin } from '$lib/server/http';
import { formToObject, parseInput } from '$lib/server/parse';
import { INVITATION_DAYS } from '$lib/server/doetanks/invitations';
import { AddMemberInput, DoetankInput, InvitationInput, MembershipInput } from '$lib/validation/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	// The layout's Doetank (401 / 404 / 403) first: the rest assumes the viewer may see it.
	await event.parent();
	const workspace = (await event.locals.services.doetanks.workspaceAccess(user, event.params.id)).status === 200;
	const governance = await event.locals.services.phases.overview(user, event.params.id);
	return { me: user.id, invitationDays: INVITATION_DAYS, workspace, governance };
};

const membershipForm = { arrays: ['roles'], booleans: ['directStake'], nullable: ['lidType'] };

export const actions = {
	update: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData());
		return forForm(
			event,
			async () => {
				await locals.services.doetanks.update(locals.user, params.id, parseInput(DoetankInput, values));
				return { action: 'update', success: locals.t('doetank.saved') };
			},
			{ action: 'update', values }
		);
	},
	addMember: async (event) => {
		const { locals, params } = event;
		const values = formToObject(await event.request.formData(), membershipForm);
		return forForm(
			event,
			async () => {
				await locals.services.invitations.inviteByEmail(locals.user, params.id, parseInput(AddMemberInput, values));
				return { action: 'addMember', success: locals.t('doetank.memberInvited') };
			},
			{ action: 'addMember', values }
		);
	},
	changeRoles: async (event) => {
		const { locals, params } = event;
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const values = formToObject(form, membershipForm);
		return forForm(
			event,
			async () => {
				await locals.services.doetanks.changeMembership(
					locals.user,
					params.id,
					userId,
					parseInput(MembershipInput, values)
				);
				return { action: 'changeRoles', userId, success: locals.t('doetank.rolesSaved') };
			},
			{ action: 'changeRoles', userId }
		);
	},
	remove: async (event) => {
		const { locals, params } = event;
		const form = await event.request.formData();
		const userId = String(form.get('userId') ?? '');
		const name = String(form.get('name') ?? '');
		return forForm(
			event,
			async () => {
				await locals.services.doetanks.removeMember(locals.user, params.id, userId);
				return { action: 'remove', success: locals.t('doetank.removed', { name }) };
			},
			{ action: 'remove', userId }
		);
	},
	invite: async (event) => {
		const { locals, params, url } = event;
		const values = formToObject(await event.request.formData(), { arrays: ['roles'], nullable: ['lidType'] });
		return forForm(
			event,
			async () => {
				const input = parseInput(InvitationInput, values);
				const inv = await locals.services.invitations.create(locals.user, params.id, input);
				// The roles go back with the link, so the panel can say whom each link is for.
				return { action: 'invite', inviteUrl: new URL(inv.path, url.origin).href, inviteRoles: input.roles };
			},
			{ action: 'invite' }
		);
	}
} satisfies Actions;

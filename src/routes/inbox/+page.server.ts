import { can } from '$lib/domain/policy';
import { forForm, forPage, requireLogin } from '$lib/server/http';
import { notificationText } from '$lib/server/notifications/text';
import { formToObject, parseInput } from '$lib/server/parse';
import { InboxReadInput } from '$lib/validation/governance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireLogin(event);
	const { services, t } = event.locals;
	return forPage(event, async () => {
		const inbox = await services.notifications.inbox(user);
		return {
			unread: inbox.unread,
			items: inbox.items.map((n) => ({ ...n, message: notificationText(t, n) })),
			calendar: await services.calendar.status(user),
			// The coach's feed of phase transitions (issue 6 builds the full dashboard on it).
			feed: can(user, 'transitions.feed') ? await services.phases.feed(user) : null
		};
	});
};

export const actions = {
	read: async (event) => {
		const { locals } = event;
		const form = await event.request.formData();
		const input = form.has('all') ? { all: true } : formToObject(form, { arrays: ['ids'] });
		return forForm(
			event,
			async () => {
				await locals.services.notifications.markRead(locals.user, parseInput(InboxReadInput, input));
				return { action: 'read' };
			},
			{ action: 'read' }
		);
	},
	calendar: async (event) => {
		const { locals, url } = event;
		return forForm(
			event,
			async () => {
				const feed = await locals.services.calendar.create(locals.user, locals.locale);
				return { action: 'calendar', url: new URL(feed.path, url.origin).href };
			},
			{ action: 'calendar' }
		);
	},
	revokeCalendar: async (event) => {
		const { locals } = event;
		return forForm(
			event,
			async () => {
				await locals.services.calendar.revoke(locals.user);
				return { action: 'revokeCalendar', success: locals.t('calendarPage.revoked') };
			},
			{ action: 'revokeCalendar' }
		);
	}
} satisfies Actions;

import { serializeCalendar, type IcsEvent } from '$lib/domain/ical';
import { translator } from '$lib/i18n';
import type { FeedData } from './service';

const UID_DOMAIN = 'doetank-werkplaats';
const REFRESH_MINUTES = 60;

/** The feed as iCalendar text, in the language chosen when the link was made. */
export function feedToIcs(data: FeedData, origin: string, now = new Date()): string {
	const t = translator(data.locale);
	const checkpoints = data.checkpoints.map((c): IcsEvent => ({
		uid: `checkpoint-${c.id}@${UID_DOMAIN}`,
		stamp: now,
		day: c.plannedDay,
		summary: t('calendar.checkpoint', { title: c.title, doetank: c.doetankName }),
		description: t('calendar.checkpointDescription', { status: t(`checkpointStatus.${c.status}`) }),
		url: `${origin}/doetanks/${c.doetankId}/terugkoppelmomenten/${c.id}`,
		sequence: c.sequence
	}));
	const actions = data.actions.map(({ doetankId, doetankName, action }): IcsEvent => ({
		uid: `action-${doetankId}-${action.id}@${UID_DOMAIN}`,
		stamp: now,
		day: action.due ?? '',
		summary: t('calendar.action', { title: action.title, doetank: doetankName }),
		url: `${origin}/doetanks/${doetankId}/werkruimte`
	}));
	return serializeCalendar({
		prodId: '-//Doetank Werkplaats//Terugkoppelmomenten//NL',
		name: t('calendar.name'),
		refreshMinutes: REFRESH_MINUTES,
		events: [...checkpoints, ...actions]
	});
}

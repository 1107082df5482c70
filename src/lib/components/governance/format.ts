import { NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import { canvasOf, type CheckpointSubject, type SubjectOption } from '$lib/domain/governance/checkpoints';
import type { PhaseTransition } from '$lib/domain/governance/transitions';
import type { Locale, Translate } from '$lib/i18n';

/** A moment (ms) as date and time in the network's time zone. */
export function formatMoment(locale: Locale, ms: number): string {
	return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: NETWORK_TIME_ZONE
	}).format(ms);
}

/** What a subject is called in the UI; a canvas that is gone is named by its id. */
export function subjectLabel(t: Translate, subject: CheckpointSubject, options: readonly SubjectOption[]): string {
	if (subject === 'probleemdefinitie') return t('subject.probleemdefinitie');
	if (subject === 'actielijst') return t('subject.actielijst');
	const option = options.find((o) => o.subject === subject);
	if (!option?.level) return t('subject.businessCaseUnknown', { id: canvasOf(subject) ?? '' });
	return t(`subject.businessCase.${option.level}`, { name: option.name });
}

/** A phase transition as the timeline shows it (with the Doetank's name in the coach's feed). */
export type TimelineEntry = PhaseTransition & { doetankName?: string };

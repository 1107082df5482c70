import { ACTION_LIMITS } from '$lib/domain/workspace';
import type { MessageKey, MessageParams } from '$lib/i18n';

/** A message for a field the model would refuse; the same limits as `updateAction` checks. */
export interface Problem {
	key: MessageKey;
	params?: MessageParams;
}

/** The model trims before it measures, so the panel does too. */
export function titleProblem(value: string): Problem | null {
	const title = value.trim();
	if (title.length === 0) return { key: 'validation.required' };
	if (title.length > ACTION_LIMITS.title) return { key: 'validation.tooLong', params: { max: ACTION_LIMITS.title } };
	return null;
}

export function noteProblem(value: string): Problem | null {
	if (value.trim().length > ACTION_LIMITS.note)
		return { key: 'validation.tooLong', params: { max: ACTION_LIMITS.note } };
	return null;
}

import type { Phase } from '$lib/domain/roles';
import type { Translate } from '$lib/i18n';
import type { NotificationRow } from '../db/notifications';

/** An inbox item as a sentence in the reader's language. */
export function notificationText(t: Translate, n: NotificationRow): string {
	const params = n.kind === 'phase_changed' ? { ...n.params, phase: t(`phase.${n.params.phase as Phase}`) } : n.params;
	return t(`inbox.kind.${n.kind}`, params);
}

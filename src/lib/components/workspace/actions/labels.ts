import type { ActionStatus } from '$lib/domain/workspace';
import type { MessageKey } from '$lib/i18n';

/** A member of the Doetank who can own an action, as the werkruimte page loads them. */
export interface Member {
	id: string;
	name: string;
}

export const STATUS_LABELS: Record<ActionStatus, MessageKey> = {
	open: 'workspace.actielijst.status.open',
	bezig: 'workspace.actielijst.status.bezig',
	klaar: 'workspace.actielijst.status.klaar'
};

/** The panel's filters; they combine (all chosen ones must hold). */
export type FilterName = 'mine' | 'open' | 'overdue';
export type Filters = Record<FilterName, boolean>;

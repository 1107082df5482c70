import { dayIn } from '../calendar';
import type { ActionSnapshot } from './actions';

/** The calendar day ('YYYY-MM-DD') at `now` in `timeZone`; the actielijst uses Europe/Amsterdam. */
export function todayIn(timeZone: string, now: Date): string {
	return dayIn(now.getTime(), timeZone);
}

export const isOpen = (action: ActionSnapshot): boolean => action.status !== 'klaar';

/** `today` as from `todayIn`: an action due today is not overdue yet. */
export const isOverdue = (action: ActionSnapshot, today: string): boolean =>
	isOpen(action) && action.due !== null && action.due < today;

/** Filters that can be combined; all chosen ones must hold. */
export interface ActionFilter {
	/** Only actions owned by this user id. */
	mine?: string;
	open?: boolean;
	/** Only overdue actions, relative to this day ('YYYY-MM-DD'). */
	overdueOn?: string;
}

export function filterActions(actions: readonly ActionSnapshot[], filter: ActionFilter): ActionSnapshot[] {
	return actions.filter(
		(action) =>
			(filter.mine === undefined || action.ownerId === filter.mine) &&
			(!filter.open || isOpen(action)) &&
			(filter.overdueOn === undefined || isOverdue(action, filter.overdueOn))
	);
}

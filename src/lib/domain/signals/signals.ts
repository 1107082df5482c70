import type { MessageKey, MessageParams } from '$lib/i18n';
import type { DoetankRole, LidType, Phase } from '../roles';

/**
 * Risk signals for the coach, derived from why Doetanks stalled in 2012-2013 (no real
 * opdrachtgever, no decision maker, no agreement up front, an unclear problem, members without
 * time or stake). Pure rules over a plain input the dashboard fills from whatever it knows.
 */

export interface SignalSettings {
	/** Weeks in fase 0 after which the probleemdefinitie should be written and approved. */
	probleemdefinitieWeeks: number;
	/** Days without any edit after which a Doetank counts as inactive. */
	inactiveDays: number;
	/** A member counts as active after an edit within this many days. */
	activeWindowDays: number;
	/** Fewer active kern members than this is a signal. */
	minActiveCore: number;
	/** Months in one phase after which the Doetank counts as stuck. */
	maxPhaseMonths: number;
}

export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = {
	probleemdefinitieWeeks: 6,
	inactiveDays: 21,
	activeWindowDays: 30,
	minActiveCore: 3,
	maxPhaseMonths: 6
};

export interface SignalMember {
	userId: string;
	roles: readonly DoetankRole[];
	lidType: LidType | null;
	directStake: boolean;
}

export interface SignalInput {
	phase: Phase;
	/** When the current phase began (ms since the epoch); the creation time when no transition is known. */
	phaseSince: number;
	createdAt: number;
	members: readonly SignalMember[];
	/** The last edit of each member in the live document (ms). */
	lastEditByUser: Readonly<Record<string, number>>;
	/** The last edit by anyone; null when nobody ever edited. */
	lastActivityAt: number | null;
	/** What the opdrachtgeversafspraak says; null where it is not tracked, so those rules stay silent. */
	agreement: { confirmed: boolean; opdrachtgeverDelegated: boolean; besluitvormerNamed: boolean } | null;
	probleemdefinitie: { empty: boolean; /** null when approvals are not tracked. */ approved: boolean | null };
	actions: readonly { status: string; due: string | null }[];
	/** Terugkoppelmomenten: their day and whether they have taken place / been approved. */
	checkpoints: readonly { day: string; done: boolean }[];
	/** Today as 'YYYY-MM-DD' in the network's time zone, and the current time. */
	today: string;
	now: number;
}

export const SIGNAL_KEYS = [
	'noOpdrachtgever',
	'delegatedWithoutBesluitvormer',
	'noConfirmedAgreement',
	'probleemdefinitieOpen',
	'inactive',
	'fewActiveCore',
	'noDirectStake',
	'overdueActions',
	'overdueCheckpoints',
	'longInPhase'
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

export interface Signal {
	key: SignalKey;
	/** A one-line explanation as a message key with its parameters. */
	message: MessageKey;
	params: MessageParams;
}

const DAY = 24 * 60 * 60 * 1000;
const RUNNING: readonly Phase[] = ['fase_0', 'fase_1', 'fase_2'];

const has = (input: SignalInput, role: DoetankRole) => input.members.some((m) => m.roles.includes(role));

/** Whole calendar months from `from` to `to` (a month has passed on the same day of the next month). */
export function monthsBetween(from: number, to: number): number {
	const a = new Date(from);
	const b = new Date(to);
	let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
	const shifted = new Date(from);
	shifted.setUTCMonth(a.getUTCMonth() + months);
	if (shifted.getTime() > to) months -= 1;
	return Math.max(0, months);
}

/** Actions not klaar whose due day is before `today` (an action due today is not overdue yet). */
export function overdueActions(actions: SignalInput['actions'], today: string): number {
	return actions.filter((a) => a.status !== 'klaar' && a.due !== null && a.due < today).length;
}

type Rule = (input: SignalInput, s: SignalSettings) => Omit<Signal, 'key'> | null;

const RULES: Record<SignalKey, Rule> = {
	noOpdrachtgever: (input) =>
		has(input, 'opdrachtgever') ? null : { message: 'signal.noOpdrachtgever.explain', params: {} },

	delegatedWithoutBesluitvormer: (input) =>
		input.agreement?.opdrachtgeverDelegated && !input.agreement.besluitvormerNamed && !has(input, 'besluitvormer')
			? { message: 'signal.delegatedWithoutBesluitvormer.explain', params: {} }
			: null,

	noConfirmedAgreement: (input) =>
		input.agreement && !input.agreement.confirmed
			? { message: 'signal.noConfirmedAgreement.explain', params: {} }
			: null,

	probleemdefinitieOpen: (input, s) => {
		if (input.phase !== 'fase_0') return null;
		const weeks = Math.floor((input.now - input.phaseSince) / (7 * DAY));
		if (weeks < s.probleemdefinitieWeeks) return null;
		if (input.probleemdefinitie.empty) return { message: 'signal.probleemdefinitieOpen.empty', params: { weeks } };
		if (input.probleemdefinitie.approved === false)
			return { message: 'signal.probleemdefinitieOpen.unapproved', params: { weeks } };
		return null;
	},

	inactive: (input, s) => {
		const days = Math.floor((input.now - (input.lastActivityAt ?? input.createdAt)) / DAY);
		if (days < s.inactiveDays) return null;
		return input.lastActivityAt === null
			? { message: 'signal.inactive.never', params: { days } }
			: { message: 'signal.inactive.explain', params: { days } };
	},

	fewActiveCore: (input, s) => {
		const since = input.now - s.activeWindowDays * DAY;
		// A Doetank younger than the window has not had the chance yet.
		if (input.createdAt > since) return null;
		const active = input.members.filter(
			(m) => m.lidType === 'kern' && (input.lastEditByUser[m.userId] ?? -Infinity) >= since
		).length;
		return active < s.minActiveCore
			? { message: 'signal.fewActiveCore.explain', params: { active, min: s.minActiveCore, days: s.activeWindowDays } }
			: null;
	},

	noDirectStake: (input) =>
		input.members.some((m) => m.directStake) ? null : { message: 'signal.noDirectStake.explain', params: {} },

	overdueActions: (input) => {
		const count = overdueActions(input.actions, input.today);
		return count > 0 ? { message: 'signal.overdueActions.explain', params: { count } } : null;
	},

	overdueCheckpoints: (input) => {
		const count = input.checkpoints.filter((c) => !c.done && c.day < input.today).length;
		return count > 0 ? { message: 'signal.overdueCheckpoints.explain', params: { count } } : null;
	},

	longInPhase: (input, s) => {
		const months = monthsBetween(input.phaseSince, input.now);
		return months >= s.maxPhaseMonths ? { message: 'signal.longInPhase.explain', params: { months } } : null;
	}
};

/** The signals that fire for one Doetank, in the fixed order of SIGNAL_KEYS; none once it is afgerond or gestopt. */
export function evaluateSignals(input: SignalInput, settings: SignalSettings = DEFAULT_SIGNAL_SETTINGS): Signal[] {
	if (!RUNNING.includes(input.phase)) return [];
	return SIGNAL_KEYS.flatMap((key) => {
		const hit = RULES[key](input, settings);
		return hit ? [{ key, ...hit }] : [];
	});
}

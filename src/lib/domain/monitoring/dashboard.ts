import { PHASES, type Phase } from '../roles';
import { SIGNAL_KEYS, type Signal, type SignalKey } from '../signals/signals';

/** One Doetank on the coach's dashboard. */
export interface DashboardRow {
	id: string;
	name: string;
	phase: Phase;
	daysInPhase: number;
	lastActivityAt: number | null;
	active7: number;
	active30: number;
	openActions: number;
	overdueActions: number;
	nextCheckpoint: { title: string; day: string } | null;
	pendingApprovals: number;
	signals: Signal[];
}

export const SORT_KEYS = ['signals', 'name', 'phase', 'daysInPhase', 'lastActivity'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface DashboardQuery {
	signal: SignalKey | null;
	phase: Phase | null;
	sort: SortKey;
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);

/** Reads the dashboard's query (`?signaal=&fase=&sorteer=`), ignoring what it does not know. */
export function parseQuery(params: URLSearchParams): DashboardQuery {
	const signal = params.get('signaal');
	const phase = params.get('fase');
	const sort = params.get('sorteer');
	return {
		signal: isOneOf(SIGNAL_KEYS, signal) ? signal : null,
		phase: isOneOf(PHASES, phase) ? phase : null,
		sort: isOneOf(SORT_KEYS, sort) ? sort : 'signals'
	};
}

const byName = (a: DashboardRow, b: DashboardRow) => a.name.localeCompare(b.name, 'nl');

const COMPARE: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
	// Most signals first: the coach steps in where it goes wrong.
	signals: (a, b) => b.signals.length - a.signals.length || byName(a, b),
	name: byName,
	phase: (a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || byName(a, b),
	daysInPhase: (a, b) => b.daysInPhase - a.daysInPhase || byName(a, b),
	// Longest quiet first; never active counts as quietest.
	lastActivity: (a, b) => (a.lastActivityAt ?? -Infinity) - (b.lastActivityAt ?? -Infinity) || byName(a, b)
};

export function applyQuery(rows: readonly DashboardRow[], query: DashboardQuery): DashboardRow[] {
	return rows
		.filter(
			(r) =>
				(query.signal === null || r.signals.some((s) => s.key === query.signal)) &&
				(query.phase === null || r.phase === query.phase)
		)
		.sort(COMPARE[query.sort]);
}

/** How many rows carry each signal, for the filter's labels. */
export function signalCounts(rows: readonly DashboardRow[]): Record<SignalKey, number> {
	return Object.fromEntries(
		SIGNAL_KEYS.map((key) => [key, rows.filter((r) => r.signals.some((s) => s.key === key)).length])
	) as Record<SignalKey, number>;
}

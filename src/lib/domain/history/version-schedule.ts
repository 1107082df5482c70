import { dayIn, NETWORK_TIME_ZONE } from '$lib/domain/calendar';

/** Automatic versions are kept at their own grain this long; after that, the last one of each day. */
export const FINE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export type VersionKind = 'auto' | 'named';

export interface VersionRef {
	id: string;
	kind: VersionKind;
	/** When it was cut (ms since the epoch). */
	at: number;
	/** Size of its stored state. */
	bytes: number;
}

/**
 * Whether to cut an automatic version now. `firstEditAt` is the first edit after the latest version
 * (null: nothing changed since). A version is cut once an interval of activity has passed since that
 * edit, so a long session gets one at least every interval, and when the last person leaves.
 */
export function shouldCutVersion(state: {
	firstEditAt: number | null;
	now: number;
	intervalMs: number;
	everyoneLeft: boolean;
}): boolean {
	if (state.firstEditAt === null) return false;
	return state.everyoneLeft || state.now - state.firstEditAt >= state.intervalMs;
}

/** When the next automatic version is due, given the first edit after the latest version. */
export function versionDueAt(firstEditAt: number, intervalMs: number): number {
	return firstEditAt + intervalMs;
}

/**
 * The automatic versions to remove: those older than a week that are not the newest of their
 * (Dutch) day. Named versions are never removed; a day keeps the state it ended with.
 * Past `maxBytes` in all (the Doetank's history bound), automatic versions go oldest first: first
 * those that are not the last of their day (so the week is thinned to one a day from its oldest
 * day on), then whole days from the oldest. The newest automatic version always stays, so the
 * bound can be passed by at most that one version when named versions fill it.
 */
export function versionsToPrune(
	versions: readonly VersionRef[],
	now: number,
	timeZone: string = NETWORK_TIME_ZONE,
	maxBytes: number = Number.POSITIVE_INFINITY
): string[] {
	const newestOfDay = new Map<string, VersionRef>();
	for (const v of versions) {
		if (v.kind !== 'auto') continue;
		const day = dayIn(v.at, timeZone);
		const kept = newestOfDay.get(day);
		if (!kept || v.at > kept.at) newestOfDay.set(day, v);
	}
	const lastOfDay = (v: VersionRef) => newestOfDay.get(dayIn(v.at, timeZone)) === v;
	const pruned = new Set(
		versions.filter((v) => v.kind === 'auto' && now - v.at > FINE_RETENTION_MS && !lastOfDay(v)).map((v) => v.id)
	);
	let total = versions.reduce((sum, v) => (pruned.has(v.id) ? sum : sum + v.bytes), 0);
	const autos = versions.filter((v) => v.kind === 'auto' && !pruned.has(v.id)).sort((a, b) => a.at - b.at);
	const newest = autos.at(-1);
	const byPressure = [...autos.filter((v) => !lastOfDay(v)), ...autos.filter((v) => lastOfDay(v) && v !== newest)];
	for (const v of byPressure) {
		if (total <= maxBytes) break;
		pruned.add(v.id);
		total -= v.bytes;
	}
	return versions.filter((v) => pruned.has(v.id)).map((v) => v.id);
}

import { dayIn, NETWORK_TIME_ZONE } from '$lib/domain/calendar';

/** Automatic versions are kept at their own grain this long; after that, the last one of each day. */
export const FINE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Named versions are kept for good, so a Doetank holds at most this many (a writer removes none today). */
export const MAX_NAMED_VERSIONS = 200;

export type VersionKind = 'auto' | 'named';

export interface VersionRef {
	id: string;
	kind: VersionKind;
	/** When it was cut (ms since the epoch). */
	at: number;
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
 */
export function versionsToPrune(
	versions: readonly VersionRef[],
	now: number,
	timeZone: string = NETWORK_TIME_ZONE
): string[] {
	const newestOfDay = new Map<string, VersionRef>();
	for (const v of versions) {
		if (v.kind !== 'auto') continue;
		const day = dayIn(v.at, timeZone);
		const kept = newestOfDay.get(day);
		if (!kept || v.at > kept.at) newestOfDay.set(day, v);
	}
	return versions
		.filter((v) => v.kind === 'auto' && now - v.at > FINE_RETENTION_MS)
		.filter((v) => newestOfDay.get(dayIn(v.at, timeZone)) !== v)
		.map((v) => v.id);
}

const DAY = 24 * 60 * 60 * 1000;

/** Where edits are recorded: the uncompacted log (exact times) and day checkpoints (who edited that day). */
export interface ActivitySource {
	/** Per user the time of their latest logged edit. */
	logged: readonly { userId: string; at: number }[];
	/** Days ('YYYY-MM-DD') folded into checkpoints by compaction, with who edited on them. */
	days: readonly { day: string; contributors: readonly string[] }[];
}

/** A checkpoint only knows the day; count such an edit as made at noon (UTC) of that day. */
const noonOf = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** The last edit of each person, from the log and the checkpoints together. */
export function lastEditByUser(source: ActivitySource): Record<string, number> {
	const last: Record<string, number> = {};
	const note = (userId: string, at: number) => {
		if (!(userId in last) || at > last[userId]!) last[userId] = at;
	};
	for (const { userId, at } of source.logged) note(userId, at);
	for (const { day, contributors } of source.days) for (const userId of contributors) note(userId, noonOf(day));
	return last;
}

/** The last edit by anyone, or null when nobody ever edited. */
export function lastActivity(lastEdits: Readonly<Record<string, number>>): number | null {
	const times = Object.values(lastEdits);
	return times.length > 0 ? Math.max(...times) : null;
}

/** How many people edited within the last `days` days. */
export function activeWithin(lastEdits: Readonly<Record<string, number>>, now: number, days: number): number {
	return Object.values(lastEdits).filter((at) => at >= now - days * DAY).length;
}

/** Whole days from `since` to `now`. */
export const daysBetween = (since: number, now: number): number => Math.max(0, Math.floor((now - since) / DAY));

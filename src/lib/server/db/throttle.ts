import type { Database } from './client';

export interface ThrottleRule {
	/** Attempts allowed within the window; the next one locks the key. */
	maxAttempts: number;
	windowMs: number;
	lockMs: number;
}

/**
 * Reserves one attempt for every key in a single write transaction and returns, per key, until
 * when it is locked (0: open). Counting happens in the UPDATE itself, so parallel requests each
 * see the count their own reservation produced: the (max + 1)-th one in a window locks the key,
 * and a locked key is not counted further.
 */
export async function reserveAttempts(
	db: Database,
	keys: readonly { key: string; rule: ThrottleRule }[],
	now: number
): Promise<number[]> {
	const results = await db.batch(
		keys.map(({ key, rule }) => ({
			sql: `INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES (?1, 1, ?2, 0)
			      ON CONFLICT (key) DO UPDATE SET
			        failures = CASE WHEN locked_until > ?2 THEN failures
			                        WHEN ?2 - window_start > ?3 THEN 1 ELSE failures + 1 END,
			        window_start = CASE WHEN locked_until > ?2 THEN window_start
			                            WHEN ?2 - window_start > ?3 THEN ?2 ELSE window_start END,
			        locked_until = CASE WHEN locked_until > ?2 THEN locked_until
			                            WHEN ?2 - window_start > ?3 THEN 0
			                            WHEN failures + 1 > ?4 THEN ?2 + ?5 ELSE 0 END
			      RETURNING locked_until`,
			args: [key, now, rule.windowMs, rule.maxAttempts, rule.lockMs]
		})),
		'write'
	);
	return results.map((r) => Number(r.rows[0]?.locked_until ?? 0));
}

/** Gives back one reserved attempt of an open key (a successful login from a shared address). */
export async function releaseAttempt(db: Database, key: string, now: number): Promise<void> {
	await db.execute({
		sql: 'UPDATE login_throttle SET failures = max(failures - 1, 0) WHERE key = ? AND locked_until <= ?',
		args: [key, now]
	});
}

export async function clearThrottle(db: Database, key: string): Promise<void> {
	await db.execute({ sql: 'DELETE FROM login_throttle WHERE key = ?', args: [key] });
}

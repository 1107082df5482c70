import type { Database } from './client';

export interface ThrottleRow {
	failures: number;
	windowStart: number;
	lockedUntil: number;
}

export async function readThrottle(db: Database, key: string): Promise<ThrottleRow | null> {
	const { rows } = await db.execute({ sql: 'SELECT * FROM login_throttle WHERE key = ?', args: [key] });
	const row = rows[0];
	if (!row) return null;
	return {
		failures: Number(row.failures),
		windowStart: Number(row.window_start),
		lockedUntil: Number(row.locked_until)
	};
}

export async function writeThrottle(db: Database, key: string, value: ThrottleRow): Promise<void> {
	await db.execute({
		sql: `INSERT INTO login_throttle (key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)
		      ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
		        window_start = excluded.window_start, locked_until = excluded.locked_until`,
		args: [key, value.failures, value.windowStart, value.lockedUntil]
	});
}

export async function clearThrottle(db: Database, key: string): Promise<void> {
	await db.execute({ sql: 'DELETE FROM login_throttle WHERE key = ?', args: [key] });
}

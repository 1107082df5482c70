import type { Locale } from '$lib/i18n';
import type { Database } from './client';

export interface CalendarFeedRow {
	userId: string;
	locale: Locale;
	createdAt: number;
}

/** Replaces the user's feed token (the old link stops working at once). */
export async function replaceCalendarFeed(
	db: Database,
	userId: string,
	tokenHash: string,
	locale: Locale
): Promise<number> {
	const createdAt = Date.now();
	await db.execute({
		sql: `INSERT INTO calendar_feeds (user_id, token_hash, locale, created_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, locale = excluded.locale, created_at = excluded.created_at`,
		args: [userId, tokenHash, locale, createdAt]
	});
	return createdAt;
}

export async function deleteCalendarFeed(db: Database, userId: string): Promise<boolean> {
	return (await db.execute({ sql: 'DELETE FROM calendar_feeds WHERE user_id = ?', args: [userId] })).rowsAffected > 0;
}

async function findBy(db: Database, column: 'user_id' | 'token_hash', value: string): Promise<CalendarFeedRow | null> {
	const { rows } = await db.execute({
		sql: `SELECT user_id, locale, created_at FROM calendar_feeds WHERE ${column} = ?`,
		args: [value]
	});
	const r = rows[0];
	return r ? { userId: String(r.user_id), locale: r.locale as Locale, createdAt: Number(r.created_at) } : null;
}

export const calendarFeedOf = (db: Database, userId: string) => findBy(db, 'user_id', userId);

export const findCalendarFeed = (db: Database, tokenHash: string) => findBy(db, 'token_hash', tokenHash);

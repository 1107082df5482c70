import type { InStatement, InValue } from '@libsql/client';
import type { Database } from './client';

export const NOTIFICATION_KINDS = [
	'checkpoint_submitted',
	'checkpoint_approved',
	'checkpoint_changes_requested',
	'phase_changed',
	'action_assigned',
	'action_overdue',
	'questionnaire_open',
	'questionnaire_started',
	'questionnaire_started_network',
	'cafe_evaluation_open',
	'member_invited',
	'agreement_awaiting_confirmation',
	'invitation_accepted'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationParams = Record<string, string>;

export interface NewNotification {
	id: string;
	userId: string;
	doetankId: string | null;
	kind: NotificationKind;
	params: NotificationParams;
	link: string;
	/** Set for computed items, so the same one is never added twice. */
	dedupeKey?: string;
	createdAt: number;
}

export interface NotificationRow extends Omit<NewNotification, 'userId' | 'dedupeKey'> {
	readAt: number | null;
}

/** Like insertNotificationStatement, but only when the SQL condition `when` (with its `args`) holds. */
export function guardedNotificationStatement(n: NewNotification, when: string, args: readonly InValue[]): InStatement {
	return {
		sql: `INSERT INTO notifications (id, user_id, doetank_id, kind, params, link, dedupe_key, created_at)
			SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE ${when}`,
		args: [
			n.id,
			n.userId,
			n.doetankId,
			n.kind,
			JSON.stringify(n.params),
			n.link,
			n.dedupeKey ?? null,
			n.createdAt,
			...args
		]
	};
}

export function insertNotificationStatement(n: NewNotification): InStatement {
	return {
		sql: `INSERT INTO notifications (id, user_id, doetank_id, kind, params, link, dedupe_key, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
		args: [n.id, n.userId, n.doetankId, n.kind, JSON.stringify(n.params), n.link, n.dedupeKey ?? null, n.createdAt]
	};
}

export async function listNotifications(db: Database, userId: string, limit: number): Promise<NotificationRow[]> {
	const { rows } = await db.execute({
		sql: `SELECT id, doetank_id, kind, params, link, created_at, read_at FROM notifications WHERE user_id = ?
			ORDER BY created_at DESC, rowid DESC LIMIT ?`,
		args: [userId, limit]
	});
	return rows.map((r) => ({
		id: String(r.id),
		doetankId: r.doetank_id === null ? null : String(r.doetank_id),
		kind: r.kind as NotificationKind,
		params: JSON.parse(String(r.params)) as NotificationParams,
		link: String(r.link),
		createdAt: Number(r.created_at),
		readAt: r.read_at === null ? null : Number(r.read_at)
	}));
}

export async function countUnread(db: Database, userId: string): Promise<number> {
	const { rows } = await db.execute({
		sql: 'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
		args: [userId]
	});
	return Number(rows[0]?.n ?? 0);
}

/** Marks the given items of this user (all unread ones when `ids` is null) as read; returns how many. */
export async function markRead(db: Database, userId: string, ids: readonly string[] | null): Promise<number> {
	const now = Date.now();
	const result =
		ids === null
			? await db.execute({
					sql: 'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
					args: [now, userId]
				})
			: await db.execute({
					sql: `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
						AND id IN (SELECT value FROM json_each(?))`,
					args: [now, userId, JSON.stringify(ids)]
				});
	return result.rowsAffected;
}

/**
 * Marks the unread items of these kinds that point at `link` as done (read), for `userId` or, when
 * null, for everyone: run in the batch of the step they asked for, so acting on an item clears it.
 */
export function markDoneStatement(
	kinds: readonly NotificationKind[],
	link: string,
	userId: string | null
): InStatement {
	return {
		sql: `UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND link = ?
			AND kind IN (SELECT value FROM json_each(?)) AND (? IS NULL OR user_id = ?)`,
		args: [Date.now(), link, JSON.stringify(kinds), userId, userId]
	};
}

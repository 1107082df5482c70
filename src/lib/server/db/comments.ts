import type { InStatement, InValue, Row } from '@libsql/client';
import type { CommentAuthor, CommentCounts, CommentLimits, CommentReply, CommentThread } from '$lib/domain/comments';
import type { Database } from './client';

/** The window of the per-user rate (COMMENT_MAX_PER_USER_PER_MINUTE). */
export const RATE_WINDOW_MS = 60_000;

export interface NewThreadRow {
	id: string;
	doetankId: string;
	field: string;
	anchorStart: string;
	anchorEnd: string;
	quote: string;
	authorId: string;
	body: string;
	createdAt: number;
}

export interface NewReplyRow {
	id: string;
	doetankId: string;
	threadId: string;
	authorId: string;
	body: string;
	createdAt: number;
}

/** Raises the Doetank's comment counter, only when the statement before it changed a row. */
const bump = (doetankId: string): InStatement => ({
	sql: `INSERT INTO comment_changes (doetank_id, version) SELECT ?, 1 WHERE changes() > 0
	      ON CONFLICT (doetank_id) DO UPDATE SET version = version + 1`,
	args: [doetankId]
});

/** The SQL condition "this author wrote fewer than `max` comments and replies since `since`". */
const withinRate = (authorId: string, since: number, max: number): { sql: string; args: InValue[] } => ({
	sql: `(SELECT count(*) FROM comment_threads WHERE author_id = ? AND created_at > ?)
	    + (SELECT count(*) FROM comment_replies WHERE author_id = ? AND created_at > ?) < ?`,
	args: [authorId, since, authorId, since, max]
});

/**
 * Stores a thread when it fits every bound, judged in the same statement as the insert so that
 * parallel requests cannot pass a bound together. Returns whether it was stored.
 */
export async function insertThread(db: Database, t: NewThreadRow, limits: CommentLimits): Promise<boolean> {
	const rate = withinRate(t.authorId, t.createdAt - RATE_WINDOW_MS, limits.maxPerUserPerMinute);
	const [inserted] = await db.batch(
		[
			{
				sql: `INSERT INTO comment_threads (id, doetank_id, field, anchor_start, anchor_end, quote, author_id, body, created_at)
				      SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
				      WHERE (SELECT count(*) FROM comment_threads WHERE doetank_id = ?) < ? AND ${rate.sql}`,
				args: [
					t.id,
					t.doetankId,
					t.field,
					t.anchorStart,
					t.anchorEnd,
					t.quote,
					t.authorId,
					t.body,
					t.createdAt,
					t.doetankId,
					limits.maxThreadsPerDoetank,
					...rate.args
				]
			},
			bump(t.doetankId)
		],
		'write'
	);
	return inserted!.rowsAffected === 1;
}

/** Stores a reply to a thread of this Doetank when it fits every bound (as `insertThread`). */
export async function insertReply(db: Database, r: NewReplyRow, limits: CommentLimits): Promise<boolean> {
	const rate = withinRate(r.authorId, r.createdAt - RATE_WINDOW_MS, limits.maxPerUserPerMinute);
	const [inserted] = await db.batch(
		[
			{
				sql: `INSERT INTO comment_replies (id, thread_id, author_id, body, created_at)
				      SELECT ?, ?, ?, ?, ?
				      WHERE EXISTS (SELECT 1 FROM comment_threads WHERE id = ? AND doetank_id = ?)
				        AND (SELECT count(*) FROM comment_replies WHERE thread_id = ?) < ? AND ${rate.sql}`,
				args: [
					r.id,
					r.threadId,
					r.authorId,
					r.body,
					r.createdAt,
					r.threadId,
					r.doetankId,
					r.threadId,
					limits.maxRepliesPerThread,
					...rate.args
				]
			},
			bump(r.doetankId)
		],
		'write'
	);
	return inserted!.rowsAffected === 1;
}

/** The counts the bounds are judged on, to say which one a refused write passed. */
export async function commentCounts(
	db: Database,
	doetankId: string,
	threadId: string | null,
	authorId: string,
	now: number
): Promise<CommentCounts> {
	const since = now - RATE_WINDOW_MS;
	const { rows } = await db.execute({
		sql: `SELECT (SELECT count(*) FROM comment_threads WHERE doetank_id = ?) AS threads,
		             (SELECT count(*) FROM comment_replies WHERE thread_id = ?) AS replies,
		             (SELECT count(*) FROM comment_threads WHERE author_id = ? AND created_at > ?)
		           + (SELECT count(*) FROM comment_replies WHERE author_id = ? AND created_at > ?) AS recent`,
		args: [doetankId, threadId, authorId, since, authorId, since]
	});
	const r = rows[0]!;
	return {
		threadsInDoetank: Number(r.threads),
		repliesInThread: Number(r.replies),
		byUserLastMinute: Number(r.recent)
	};
}

const who = (id: unknown, name: unknown): CommentAuthor | null =>
	id === null || name === null ? null : { id: String(id), name: String(name) };
const when = (value: unknown): number | null => (value === null ? null : Number(value));

function toReply(r: Row): CommentReply {
	return {
		id: String(r.id),
		author: who(r.author_id, r.author_name),
		body: String(r.body),
		createdAt: Number(r.created_at),
		editedAt: when(r.edited_at)
	};
}

const THREAD_COLUMNS = `t.id, t.field, t.anchor_start, t.anchor_end, t.quote, t.author_id, a.name AS author_name,
	t.body, t.created_at, t.edited_at, t.resolved_at, t.resolved_by, r.name AS resolver_name
	FROM comment_threads t LEFT JOIN users a ON a.id = t.author_id LEFT JOIN users r ON r.id = t.resolved_by`;

function toThread(r: Row, replies: CommentReply[]): CommentThread {
	return {
		id: String(r.id),
		field: String(r.field),
		anchor: { start: String(r.anchor_start), end: String(r.anchor_end) },
		quote: String(r.quote),
		author: who(r.author_id, r.author_name),
		body: String(r.body),
		createdAt: Number(r.created_at),
		editedAt: when(r.edited_at),
		resolvedAt: when(r.resolved_at),
		resolvedBy: who(r.resolved_by, r.resolver_name),
		replies
	};
}

/** Every thread of a Doetank with its replies, oldest first (one consistent read). */
export async function listThreads(db: Database, doetankId: string): Promise<CommentThread[]> {
	const [threads, replies] = await db.batch(
		[
			{ sql: `SELECT ${THREAD_COLUMNS} WHERE t.doetank_id = ? ORDER BY t.created_at, t.id`, args: [doetankId] },
			{
				sql: `SELECT c.id, c.thread_id, c.author_id, u.name AS author_name, c.body, c.created_at, c.edited_at
				      FROM comment_replies c JOIN comment_threads t ON t.id = c.thread_id
				      LEFT JOIN users u ON u.id = c.author_id
				      WHERE t.doetank_id = ? ORDER BY c.created_at, c.id`,
				args: [doetankId]
			}
		],
		'read'
	);
	const byThread = new Map<string, CommentReply[]>();
	for (const r of replies!.rows) {
		const list = byThread.get(String(r.thread_id)) ?? [];
		list.push(toReply(r));
		byThread.set(String(r.thread_id), list);
	}
	return threads!.rows.map((r) => toThread(r, byThread.get(String(r.id)) ?? []));
}

export async function findThread(db: Database, doetankId: string, id: string): Promise<CommentThread | null> {
	const { rows } = await db.execute({
		sql: `SELECT ${THREAD_COLUMNS} WHERE t.doetank_id = ? AND t.id = ?`,
		args: [doetankId, id]
	});
	return rows[0] ? toThread(rows[0], []) : null;
}

export async function findReply(
	db: Database,
	doetankId: string,
	threadId: string,
	id: string
): Promise<CommentReply | null> {
	const { rows } = await db.execute({
		sql: `SELECT c.id, c.author_id, u.name AS author_name, c.body, c.created_at, c.edited_at
		      FROM comment_replies c JOIN comment_threads t ON t.id = c.thread_id LEFT JOIN users u ON u.id = c.author_id
		      WHERE t.doetank_id = ? AND c.thread_id = ? AND c.id = ?`,
		args: [doetankId, threadId, id]
	});
	return rows[0] ? toReply(rows[0]) : null;
}

async function change(db: Database, doetankId: string, statement: InStatement): Promise<boolean> {
	const [result] = await db.batch([statement, bump(doetankId)], 'write');
	return result!.rowsAffected > 0;
}

export const setResolved = (
	db: Database,
	doetankId: string,
	id: string,
	resolved: { at: number; by: string } | null
): Promise<boolean> =>
	change(db, doetankId, {
		sql: 'UPDATE comment_threads SET resolved_at = ?, resolved_by = ? WHERE doetank_id = ? AND id = ?',
		args: [resolved?.at ?? null, resolved?.by ?? null, doetankId, id]
	});

export const editThread = (db: Database, doetankId: string, id: string, body: string, at: number): Promise<boolean> =>
	change(db, doetankId, {
		sql: 'UPDATE comment_threads SET body = ?, edited_at = ? WHERE doetank_id = ? AND id = ?',
		args: [body, at, doetankId, id]
	});

export const deleteThread = (db: Database, doetankId: string, id: string): Promise<boolean> =>
	change(db, doetankId, { sql: 'DELETE FROM comment_threads WHERE doetank_id = ? AND id = ?', args: [doetankId, id] });

export const editReply = (
	db: Database,
	doetankId: string,
	threadId: string,
	id: string,
	body: string,
	at: number
): Promise<boolean> =>
	change(db, doetankId, {
		sql: `UPDATE comment_replies SET body = ?, edited_at = ? WHERE thread_id = ? AND id = ?
		      AND EXISTS (SELECT 1 FROM comment_threads WHERE id = ? AND doetank_id = ?)`,
		args: [body, at, threadId, id, threadId, doetankId]
	});

export const deleteReply = (db: Database, doetankId: string, threadId: string, id: string): Promise<boolean> =>
	change(db, doetankId, {
		sql: `DELETE FROM comment_replies WHERE thread_id = ? AND id = ?
		      AND EXISTS (SELECT 1 FROM comment_threads WHERE id = ? AND doetank_id = ?)`,
		args: [threadId, id, threadId, doetankId]
	});

/** The Doetank's comment counter: changes whenever one of its comments does. */
export async function commentsVersion(db: Database, doetankId: string): Promise<number> {
	const { rows } = await db.execute({
		sql: 'SELECT version FROM comment_changes WHERE doetank_id = ?',
		args: [doetankId]
	});
	return Number(rows[0]?.version ?? 0);
}

/** One value for all Doetanks that changes whenever any counter does: what the one poller reads. */
export async function commentsFingerprint(db: Database): Promise<string> {
	const { rows } = await db.execute('SELECT coalesce(sum(version), 0) AS v, count(*) AS n FROM comment_changes');
	return `${Number(rows[0]?.v ?? 0)}:${Number(rows[0]?.n ?? 0)}`;
}

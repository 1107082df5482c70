import type { InStatement, Row } from '@libsql/client';
import { catchUpReplica, type Database } from './client';

export interface LoggedUpdate {
	doetankId: string;
	seq: number;
	update: Uint8Array;
	userId: string | null;
	at: number;
}

export interface StoredDocument {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
	lastSeq: number;
}

export interface Checkpoint {
	day: string;
	state: Uint8Array;
	seq: number;
	contributors: string[];
}

const bytes = (value: unknown) => new Uint8Array(value as ArrayBuffer);

/** Updates after the snapshot, in one statement so a compaction in between cannot tear the read. */
const AFTER_SNAPSHOT = `FROM doc_updates WHERE doetank_id = ?1
	AND seq > COALESCE((SELECT seq FROM doc_snapshots WHERE doetank_id = ?1), 0)`;

function toUpdate(doetankId: string, r: Row): LoggedUpdate {
	return {
		doetankId,
		seq: Number(r.seq),
		update: bytes(r.update_data),
		userId: r.user_id === null ? null : String(r.user_id),
		at: Number(r.created_at)
	};
}

export const INSERT_UPDATE_SQL =
	'INSERT INTO doc_updates (doetank_id, seq, update_data, user_id, created_at) VALUES (?, ?, ?, ?, ?)';

export function appendUpdateStatement(u: LoggedUpdate): InStatement {
	return { sql: INSERT_UPDATE_SQL, args: [u.doetankId, u.seq, u.update, u.userId, u.at] };
}

/**
 * Several instances write one document's log (REDIS_URL): the sequence number is taken inside the
 * insert, the next after the log (or the snapshot that folded it), so two writers never collide.
 */
export const INSERT_NEXT_UPDATE_SQL = `INSERT INTO doc_updates (doetank_id, seq, update_data, user_id, created_at)
	VALUES (?1, COALESCE((SELECT MAX(seq) FROM doc_updates WHERE doetank_id = ?1),
		(SELECT seq FROM doc_snapshots WHERE doetank_id = ?1), 0) + 1, ?2, ?3, ?4) RETURNING seq`;

export function appendNextUpdateStatement(u: LoggedUpdate): InStatement {
	return { sql: INSERT_NEXT_UPDATE_SQL, args: [u.doetankId, u.update, u.userId, u.at] };
}

export interface LogTail {
	/** Set when the updates after `seq` were folded into the snapshot: it is then the way to catch up. */
	snapshot: { state: Uint8Array; seq: number } | null;
	updates: { seq: number; update: Uint8Array }[];
}

/** What a live document that holds the log up to `seq` lacks, read consistently. */
export async function readLogAfter(db: Database, doetankId: string, seq: number): Promise<LogTail> {
	// Another instance logged what is missing here, maybe after the replica's last pull.
	await catchUpReplica(db);
	const [snap, rest] = await db.batch(
		[
			{ sql: 'SELECT state, seq FROM doc_snapshots WHERE doetank_id = ? AND seq > ?', args: [doetankId, seq] },
			{
				sql: 'SELECT seq, update_data FROM doc_updates WHERE doetank_id = ? AND seq > ? ORDER BY seq',
				args: [doetankId, seq]
			}
		],
		'read'
	);
	const row = snap!.rows[0];
	return {
		snapshot: row ? { state: bytes(row.state), seq: Number(row.seq) } : null,
		updates: rest!.rows.map((r) => ({ seq: Number(r.seq), update: bytes(r.update_data) }))
	};
}

/** The snapshot and every update logged after it, in order, read consistently. */
export async function readDocument(db: Database, doetankId: string): Promise<StoredDocument> {
	await catchUpReplica(db);
	const [snap, rest] = await db.batch(
		[
			{ sql: 'SELECT state, seq FROM doc_snapshots WHERE doetank_id = ?', args: [doetankId] },
			{ sql: `SELECT seq, update_data ${AFTER_SNAPSHOT} ORDER BY seq`, args: [doetankId] }
		],
		'read'
	);
	const row = snap!.rows[0];
	const rows = rest!.rows;
	const after = row ? Number(row.seq) : 0;
	return {
		snapshot: row ? bytes(row.state) : null,
		updates: rows.map((r) => bytes(r.update_data)),
		lastSeq: rows.length > 0 ? Number(rows[rows.length - 1]!.seq) : after
	};
}

/** How many updates, and how many bytes, wait in the log after the snapshot. */
export async function logSize(db: Database, doetankId: string): Promise<{ count: number; bytes: number }> {
	const { rows } = await db.execute({
		sql: `SELECT count(*) AS n, COALESCE(sum(length(update_data)), 0) AS b ${AFTER_SNAPSHOT}`,
		args: [doetankId]
	});
	return { count: Number(rows[0]?.n ?? 0), bytes: Number(rows[0]?.b ?? 0) };
}

export interface CompactionInput {
	snapshot: Uint8Array | null;
	updates: LoggedUpdate[];
	/** Contributors already recorded in checkpoints, by day. */
	contributors: Map<string, string[]>;
}

/**
 * Everything a compaction needs, read in one consistent transaction: at most `limit` updates, the
 * oldest first, so one compaction reads and folds a bounded part of a long log.
 */
export async function readForCompaction(
	db: Database,
	doetankId: string,
	limit = Number.MAX_SAFE_INTEGER
): Promise<CompactionInput> {
	const [snap, rest, checkpoints] = await db.batch(
		[
			{ sql: 'SELECT state FROM doc_snapshots WHERE doetank_id = ?', args: [doetankId] },
			{
				sql: `SELECT seq, update_data, user_id, created_at ${AFTER_SNAPSHOT} ORDER BY seq LIMIT ?2`,
				args: [doetankId, limit]
			},
			{
				sql: 'SELECT day, contributors FROM doc_checkpoints WHERE doetank_id = ? ORDER BY day DESC LIMIT 1',
				args: [doetankId]
			}
		],
		'read'
	);
	const row = snap!.rows[0];
	return {
		snapshot: row ? bytes(row.state) : null,
		updates: rest!.rows.map((r) => toUpdate(doetankId, r)),
		contributors: new Map(checkpoints!.rows.map((r) => [String(r.day), JSON.parse(String(r.contributors)) as string[]]))
	};
}

export interface CompactionMeta {
	snapshotSeq: number;
	/** When the oldest update after the snapshot was logged; null when there is none. */
	oldestAt: number | null;
	/** Who wrote the updates after the snapshot. */
	authors: string[];
	latestCheckpoint: { day: string; contributors: string[] } | null;
}

/** What a compaction from the live document needs: no update bytes, only their times and authors. */
export async function readCompactionMeta(db: Database, doetankId: string): Promise<CompactionMeta> {
	const [snap, oldest, authors, checkpoint] = await db.batch(
		[
			{ sql: 'SELECT seq FROM doc_snapshots WHERE doetank_id = ?', args: [doetankId] },
			{ sql: `SELECT min(created_at) AS at ${AFTER_SNAPSHOT}`, args: [doetankId] },
			{ sql: `SELECT DISTINCT user_id ${AFTER_SNAPSHOT} AND user_id IS NOT NULL`, args: [doetankId] },
			{
				sql: 'SELECT day, contributors FROM doc_checkpoints WHERE doetank_id = ? ORDER BY day DESC LIMIT 1',
				args: [doetankId]
			}
		],
		'read'
	);
	const cp = checkpoint!.rows[0];
	const at = oldest!.rows[0]?.at;
	return {
		snapshotSeq: Number(snap!.rows[0]?.seq ?? 0),
		oldestAt: at === null || at === undefined ? null : Number(at),
		authors: authors!.rows.map((r) => String(r.user_id)),
		latestCheckpoint: cp ? { day: String(cp.day), contributors: JSON.parse(String(cp.contributors)) as string[] } : null
	};
}

/**
 * Writes a compaction atomically: the day checkpoints, the new snapshot, and the removal of the
 * updates folded into it. A snapshot never moves backwards, so a stale compaction is harmless.
 */
export function compactionStatements(
	doetankId: string,
	snapshot: { state: Uint8Array; seq: number },
	checkpoints: Checkpoint[],
	now: number
): InStatement[] {
	return [
		...checkpoints.map((c) => ({
			sql: `INSERT INTO doc_checkpoints (doetank_id, day, state, seq, contributors, created_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (doetank_id, day) DO UPDATE SET state = excluded.state, seq = excluded.seq,
				contributors = excluded.contributors, created_at = excluded.created_at WHERE excluded.seq > doc_checkpoints.seq`,
			args: [doetankId, c.day, c.state, c.seq, JSON.stringify(c.contributors), now]
		})),
		{
			sql: `INSERT INTO doc_snapshots (doetank_id, state, seq, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (doetank_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at
				WHERE excluded.seq > doc_snapshots.seq`,
			args: [doetankId, snapshot.state, snapshot.seq, now]
		},
		{
			sql: 'DELETE FROM doc_updates WHERE doetank_id = ? AND seq <= (SELECT seq FROM doc_snapshots WHERE doetank_id = ?)',
			args: [doetankId, doetankId]
		}
	];
}

export interface HistorySource {
	/** The latest checkpoint on or before the day asked for, if any. */
	checkpoint: Checkpoint | null;
	/** Logged updates after that checkpoint (the caller keeps those of the day asked for). */
	updates: LoggedUpdate[];
}

/** What it takes to rebuild the document as it was at the end of `day`. */
export async function readHistorySource(db: Database, doetankId: string, day: string): Promise<HistorySource> {
	const [cp, rest] = await db.batch(
		[
			{
				sql: 'SELECT day, state, seq, contributors FROM doc_checkpoints WHERE doetank_id = ? AND day <= ? ORDER BY day DESC LIMIT 1',
				args: [doetankId, day]
			},
			{
				sql: `SELECT seq, update_data, user_id, created_at FROM doc_updates WHERE doetank_id = ?
					AND seq > COALESCE((SELECT seq FROM doc_checkpoints WHERE doetank_id = ? AND day <= ? ORDER BY day DESC LIMIT 1), 0)
					ORDER BY seq`,
				args: [doetankId, doetankId, day]
			}
		],
		'read'
	);
	const row = cp!.rows[0];
	return {
		checkpoint: row
			? {
					day: String(row.day),
					state: bytes(row.state),
					seq: Number(row.seq),
					contributors: JSON.parse(String(row.contributors)) as string[]
				}
			: null,
		updates: rest!.rows.map((r) => toUpdate(doetankId, r))
	};
}

/** Days with checkpoints and who contributed, plus the still uncompacted log's timestamps and authors. */
export async function readHistoryIndex(
	db: Database,
	doetankId: string
): Promise<{
	checkpoints: { day: string; contributors: string[] }[];
	recent: { at: number; userId: string | null }[];
}> {
	const [cps, recent] = await db.batch(
		[
			{ sql: 'SELECT day, contributors FROM doc_checkpoints WHERE doetank_id = ? ORDER BY day', args: [doetankId] },
			{ sql: `SELECT user_id, created_at ${AFTER_SNAPSHOT} ORDER BY seq`, args: [doetankId] }
		],
		'read'
	);
	return {
		checkpoints: cps!.rows.map((r) => ({
			day: String(r.day),
			contributors: JSON.parse(String(r.contributors)) as string[]
		})),
		recent: recent!.rows.map((r) => ({
			at: Number(r.created_at),
			userId: r.user_id === null ? null : String(r.user_id)
		}))
	};
}

import type { Database } from './client';

export interface VersionRow {
	id: string;
	kind: 'auto' | 'named';
	name: string | null;
	createdBy: string | null;
	seq: number;
	contributors: string[];
	createdAt: number;
}

/** A stored version as listed: its row and the size of its state. */
export type ListedVersion = VersionRow & { bytes: number };

export async function insertVersion(
	db: Database,
	doetankId: string,
	v: VersionRow & { state: Uint8Array }
): Promise<void> {
	await db.execute({
		sql: `INSERT INTO doc_versions (id, doetank_id, kind, name, created_by, state, seq, contributors, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		args: [v.id, doetankId, v.kind, v.name, v.createdBy, v.state, v.seq, JSON.stringify(v.contributors), v.createdAt]
	});
}

/**
 * Inserts an automatic version unless the database already holds one at least as new (`seq`), or an
 * automatic one cut less than `spacingMs` before it. One statement, so the database decides when
 * several instances cut the same moment at once: only the first gets in. Returns whether it did.
 */
export async function insertAutomaticVersion(
	db: Database,
	doetankId: string,
	v: Omit<VersionRow, 'kind' | 'name' | 'createdBy'> & { state: Uint8Array },
	spacingMs: number
): Promise<boolean> {
	const { rowsAffected } = await db.execute({
		sql: `INSERT INTO doc_versions (id, doetank_id, kind, name, created_by, state, seq, contributors, created_at)
			SELECT ?, ?, 'auto', NULL, NULL, ?, ?, ?, ?
			WHERE NOT EXISTS (SELECT 1 FROM doc_versions WHERE doetank_id = ?
				AND (seq >= ? OR (kind = 'auto' AND created_at > ?)))`,
		args: [
			v.id,
			doetankId,
			v.state,
			v.seq,
			JSON.stringify(v.contributors),
			v.createdAt,
			doetankId,
			v.seq,
			v.createdAt - spacingMs
		]
	});
	return rowsAffected === 1;
}

/** Every version of a document without its state (only its size), oldest first. */
export async function listVersions(db: Database, doetankId: string): Promise<ListedVersion[]> {
	const { rows } = await db.execute({
		sql: `SELECT id, kind, name, created_by, seq, contributors, created_at, length(state) AS bytes FROM doc_versions
			WHERE doetank_id = ? ORDER BY created_at, seq`,
		args: [doetankId]
	});
	return rows.map((r) => ({
		id: String(r.id),
		kind: r.kind === 'named' ? 'named' : 'auto',
		name: r.name === null ? null : String(r.name),
		createdBy: r.created_by === null ? null : String(r.created_by),
		seq: Number(r.seq),
		contributors: JSON.parse(String(r.contributors)) as string[],
		createdAt: Number(r.created_at),
		bytes: Number(r.bytes)
	}));
}

export async function readVersionState(db: Database, doetankId: string, id: string): Promise<Uint8Array | null> {
	const { rows } = await db.execute({
		sql: 'SELECT state FROM doc_versions WHERE doetank_id = ? AND id = ?',
		args: [doetankId, id]
	});
	return rows[0] ? new Uint8Array(rows[0].state as ArrayBuffer) : null;
}

/** The log position of the newest version, 0 when there is none. */
export async function latestVersionSeq(db: Database, doetankId: string): Promise<number> {
	const { rows } = await db.execute({
		sql: 'SELECT max(seq) AS seq FROM doc_versions WHERE doetank_id = ?',
		args: [doetankId]
	});
	return Number(rows[0]?.seq ?? 0);
}

/**
 * Who edited after log position `seq` up to `upTo`: the authors still in the log, plus, where
 * compaction has folded some of those updates away, the contributors of the day checkpoints that
 * took them in (a whole day's, so never fewer than edited).
 */
export async function authorsBetween(db: Database, doetankId: string, seq: number, upTo: number): Promise<string[]> {
	const [logged, folded] = await db.batch(
		[
			{
				sql: `SELECT DISTINCT user_id FROM doc_updates WHERE doetank_id = ? AND seq > ? AND seq <= ?
					AND user_id IS NOT NULL`,
				args: [doetankId, seq, upTo]
			},
			{ sql: 'SELECT contributors FROM doc_checkpoints WHERE doetank_id = ? AND seq > ?', args: [doetankId, seq] }
		],
		'read'
	);
	const ids = new Set(logged!.rows.map((r) => String(r.user_id)));
	for (const r of folded!.rows) for (const id of JSON.parse(String(r.contributors)) as string[]) ids.add(id);
	return [...ids];
}

export async function deleteVersions(db: Database, doetankId: string, ids: readonly string[]): Promise<void> {
	if (ids.length === 0) return;
	await db.execute({
		sql: `DELETE FROM doc_versions WHERE doetank_id = ? AND id IN (${ids.map(() => '?').join(', ')})`,
		args: [doetankId, ...ids]
	});
}

/** Renames a named version; false when there is no named version with this id. */
export async function renameNamedVersion(db: Database, doetankId: string, id: string, name: string): Promise<boolean> {
	const { rowsAffected } = await db.execute({
		sql: "UPDATE doc_versions SET name = ? WHERE doetank_id = ? AND id = ? AND kind = 'named'",
		args: [name, doetankId, id]
	});
	return rowsAffected > 0;
}

/** Deletes a named version; false when there is no named version with this id. */
export async function deleteNamedVersion(db: Database, doetankId: string, id: string): Promise<boolean> {
	const { rowsAffected } = await db.execute({
		sql: "DELETE FROM doc_versions WHERE doetank_id = ? AND id = ? AND kind = 'named'",
		args: [doetankId, id]
	});
	return rowsAffected > 0;
}

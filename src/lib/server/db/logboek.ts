import type { MatrixEntry, Moment, TopicId } from '$lib/domain/instruments/logboek-matrix';
import type { Database } from './client';

export interface StoredEntry extends MatrixEntry {
	updatedBy: string | null;
	updatedByName: string | null;
	updatedAt: number;
}

export async function listEntries(db: Database, doetankId: string): Promise<StoredEntry[]> {
	const { rows } = await db.execute({
		sql: `SELECT e.moment, e.topic_id, e.stimulerend, e.remmend, e.updated_by, u.name, e.updated_at
		      FROM logboek_entries e LEFT JOIN users u ON u.id = e.updated_by WHERE e.doetank_id = ?`,
		args: [doetankId]
	});
	return rows.map((r) => ({
		moment: r.moment as Moment,
		topicId: r.topic_id as TopicId,
		stimulerend: String(r.stimulerend),
		remmend: String(r.remmend),
		updatedBy: r.updated_by === null ? null : String(r.updated_by),
		updatedByName: r.name === null ? null : String(r.name),
		updatedAt: Number(r.updated_at)
	}));
}

/** Writes the topics of one moment in one batch; a topic whose texts did not change keeps its author and time. */
export async function saveEntries(
	db: Database,
	doetankId: string,
	moment: Moment,
	entries: Pick<MatrixEntry, 'topicId' | 'stimulerend' | 'remmend'>[],
	userId: string
): Promise<void> {
	const now = Date.now();
	await db.batch(
		entries.map((e) => ({
			sql: `INSERT INTO logboek_entries (doetank_id, moment, topic_id, stimulerend, remmend, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			      ON CONFLICT (doetank_id, moment, topic_id) DO UPDATE SET stimulerend = excluded.stimulerend, remmend = excluded.remmend,
			      updated_by = excluded.updated_by, updated_at = excluded.updated_at
			      WHERE stimulerend IS NOT excluded.stimulerend OR remmend IS NOT excluded.remmend`,
			args: [doetankId, moment, e.topicId, e.stimulerend, e.remmend, userId, now]
		})),
		'write'
	);
}

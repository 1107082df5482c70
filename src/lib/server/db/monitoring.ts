import type { ActivitySource } from '$lib/domain/monitoring/activity';
import type { Database } from './client';

/**
 * Who edited a Doetank's document when: per user the latest logged edit, and the days compaction
 * folded into checkpoints. Updates without a user (the server preparing a document) are not activity.
 */
export async function readActivity(db: Database, doetankId: string): Promise<ActivitySource> {
	const [logged, days] = await db.batch(
		[
			{
				sql: 'SELECT user_id, max(created_at) AS at FROM doc_updates WHERE doetank_id = ? AND user_id IS NOT NULL GROUP BY user_id',
				args: [doetankId]
			},
			{ sql: 'SELECT day, contributors FROM doc_checkpoints WHERE doetank_id = ?', args: [doetankId] }
		],
		'read'
	);
	return {
		logged: logged!.rows.map((r) => ({ userId: String(r.user_id), at: Number(r.at) })),
		days: days!.rows.map((r) => ({ day: String(r.day), contributors: JSON.parse(String(r.contributors)) as string[] }))
	};
}

/** When the current phase began: the latest transition, or the creation of the Doetank. */
export async function phaseSince(db: Database, doetankId: string): Promise<number> {
	const { rows } = await db.execute({
		sql: `SELECT COALESCE((SELECT max(at) FROM phase_transitions WHERE doetank_id = ?1), (SELECT created_at FROM doetanks WHERE id = ?1)) AS since`,
		args: [doetankId]
	});
	return Number(rows[0]?.since ?? 0);
}

export async function readNotes(db: Database): Promise<Map<string, string>> {
	const { rows } = await db.execute('SELECT doetank_id, bijzonderheden FROM doetank_notes');
	return new Map(rows.map((r) => [String(r.doetank_id), String(r.bijzonderheden)]));
}

export async function saveNote(db: Database, doetankId: string, bijzonderheden: string, userId: string): Promise<void> {
	await db.execute({
		sql: `INSERT INTO doetank_notes (doetank_id, bijzonderheden, updated_by, updated_at) VALUES (?, ?, ?, ?)
		      ON CONFLICT (doetank_id) DO UPDATE SET bijzonderheden = excluded.bijzonderheden, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
		args: [doetankId, bijzonderheden, userId, Date.now()]
	});
}

/**
 * A fingerprint of the governance events the dashboard shows (transitions, confirmations,
 * submissions, reviews, checkpoints planned or moved, membership): a counter that triggers raise
 * on each of them (migration 0012), so the check reads one row and never the blob pages.
 */
export async function governanceFingerprint(db: Database): Promise<string> {
	const { rows } = await db.execute("SELECT value FROM change_counters WHERE name = 'governance'");
	return String(rows[0]?.value ?? 0);
}

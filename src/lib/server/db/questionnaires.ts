import type { InStatement } from '@libsql/client';
import type { Answers } from '$lib/domain/instruments/vragenlijst-scoring';
import type { Database } from './client';

export interface WaveRow {
	id: string;
	name: string;
	closesOn: string;
	createdAt: number;
	doetanks: { id: string; name: string; responses: number }[];
}

export interface StoredResponse {
	doetankId: string;
	answers: Answers;
	remarks: string;
}

/** Stores a wave and its Doetanks, together with `also` (e.g. the inbox notices) in one transaction. */
export async function insertWave(
	db: Database,
	wave: { id: string; name: string; closesOn: string; createdBy: string; doetankIds: string[] },
	also: InStatement[] = []
): Promise<void> {
	await db.batch(
		[
			{
				sql: 'INSERT INTO questionnaire_waves (id, name, closes_on, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
				args: [wave.id, wave.name, wave.closesOn, wave.createdBy, Date.now()]
			},
			...wave.doetankIds.map((doetankId) => ({
				sql: 'INSERT INTO questionnaire_wave_doetanks (wave_id, doetank_id) VALUES (?, ?)',
				args: [wave.id, doetankId]
			})),
			...also
		],
		'write'
	);
}

/** Waves with their Doetanks and how many responses each has, newest first (optionally one wave). */
export async function listWaves(db: Database, waveId?: string): Promise<WaveRow[]> {
	const [waves, doetanks] = await db.batch(
		[
			{
				sql: `SELECT id, name, closes_on, created_at FROM questionnaire_waves ${waveId ? 'WHERE id = ?' : ''} ORDER BY created_at DESC, id`,
				args: waveId ? [waveId] : []
			},
			{
				sql: `SELECT w.wave_id, d.id, d.name,
				             (SELECT count(*) FROM questionnaire_responses r WHERE r.wave_id = w.wave_id AND r.doetank_id = w.doetank_id) AS responses
				      FROM questionnaire_wave_doetanks w JOIN doetanks d ON d.id = w.doetank_id
				      ${waveId ? 'WHERE w.wave_id = ?' : ''} ORDER BY d.name COLLATE NOCASE`,
				args: waveId ? [waveId] : []
			}
		],
		'read'
	);
	const byWave = new Map<string, WaveRow['doetanks']>();
	for (const r of doetanks!.rows) {
		const list = byWave.get(String(r.wave_id)) ?? [];
		list.push({ id: String(r.id), name: String(r.name), responses: Number(r.responses) });
		byWave.set(String(r.wave_id), list);
	}
	return waves!.rows.map((r) => ({
		id: String(r.id),
		name: String(r.name),
		closesOn: String(r.closes_on),
		createdAt: Number(r.created_at),
		doetanks: byWave.get(String(r.id)) ?? []
	}));
}

/** The waves that include one of these Doetanks, with whether this user has answered for it. */
export async function wavesForUser(
	db: Database,
	userId: string,
	doetankIds: string[]
): Promise<{ waveId: string; doetankId: string; responded: boolean }[]> {
	if (doetankIds.length === 0) return [];
	const { rows } = await db.execute({
		sql: `SELECT w.wave_id, w.doetank_id,
		             EXISTS (SELECT 1 FROM questionnaire_respondents r WHERE r.wave_id = w.wave_id AND r.doetank_id = w.doetank_id AND r.user_id = ?) AS responded
		      FROM questionnaire_wave_doetanks w WHERE w.doetank_id IN (${doetankIds.map(() => '?').join(', ')})`,
		args: [userId, ...doetankIds]
	});
	return rows.map((r) => ({
		waveId: String(r.wave_id),
		doetankId: String(r.doetank_id),
		responded: Number(r.responded) === 1
	}));
}

export async function hasResponded(db: Database, waveId: string, doetankId: string, userId: string): Promise<boolean> {
	const { rows } = await db.execute({
		sql: 'SELECT 1 FROM questionnaire_respondents WHERE wave_id = ? AND doetank_id = ? AND user_id = ?',
		args: [waveId, doetankId, userId]
	});
	return rows.length > 0;
}

/**
 * One response in one transaction: the "has responded" mark (its primary key refuses a second
 * one, which rolls the whole batch back), the answers under a random id, and the optional
 * contact name under another random id. The three rows share no key.
 */
export function responseStatements(r: {
	waveId: string;
	doetankId: string;
	userId: string;
	responseId: string;
	answers: Answers;
	remarks: string;
	contact: { id: string; name: string } | null;
}): InStatement[] {
	return [
		{
			sql: 'INSERT INTO questionnaire_respondents (wave_id, doetank_id, user_id) VALUES (?, ?, ?)',
			args: [r.waveId, r.doetankId, r.userId]
		},
		{
			sql: 'INSERT INTO questionnaire_responses (id, wave_id, doetank_id, answers, remarks) VALUES (?, ?, ?, ?, ?)',
			args: [r.responseId, r.waveId, r.doetankId, JSON.stringify(r.answers), r.remarks]
		},
		...(r.contact
			? [
					{
						sql: 'INSERT INTO questionnaire_contacts (id, wave_id, name) VALUES (?, ?, ?)',
						args: [r.contact.id, r.waveId, r.contact.name]
					}
				]
			: [])
	];
}

/** The responses of a wave (optionally of one Doetank), in the order of their random ids. */
export async function listResponses(db: Database, waveId: string, doetankId?: string): Promise<StoredResponse[]> {
	const { rows } = await db.execute({
		sql: `SELECT doetank_id, answers, remarks FROM questionnaire_responses WHERE wave_id = ? ${doetankId ? 'AND doetank_id = ?' : ''} ORDER BY id`,
		args: doetankId ? [waveId, doetankId] : [waveId]
	});
	return rows.map((r) => ({
		doetankId: String(r.doetank_id),
		answers: JSON.parse(String(r.answers)) as Answers,
		remarks: String(r.remarks)
	}));
}

export async function listContacts(db: Database, waveId: string): Promise<string[]> {
	const { rows } = await db.execute({
		sql: 'SELECT name FROM questionnaire_contacts WHERE wave_id = ? ORDER BY name COLLATE NOCASE',
		args: [waveId]
	});
	return rows.map((r) => String(r.name));
}

/** The waves a Doetank took part in, oldest first, for its before/after view. */
export async function wavesOfDoetank(
	db: Database,
	doetankId: string
): Promise<{ id: string; name: string; closesOn: string }[]> {
	const { rows } = await db.execute({
		sql: `SELECT q.id, q.name, q.closes_on FROM questionnaire_waves q JOIN questionnaire_wave_doetanks w ON w.wave_id = q.id
		      WHERE w.doetank_id = ? ORDER BY q.created_at, q.id`,
		args: [doetankId]
	});
	return rows.map((r) => ({ id: String(r.id), name: String(r.name), closesOn: String(r.closes_on) }));
}

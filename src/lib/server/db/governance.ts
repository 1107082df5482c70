import type { InStatement } from '@libsql/client';
import type { AgreementContent } from '$lib/domain/governance/agreement';
import type { CheckpointSubject } from '$lib/domain/governance/checkpoints';
import type { GateConditionKey, GateFacts } from '$lib/domain/governance/gates';
import type { StopReason } from '$lib/domain/governance/stop-reasons';
import type { PhaseTransition } from '$lib/domain/governance/transitions';
import type { DoetankRole, Phase } from '$lib/domain/roles';
import type { Database } from './client';

export type TransitionRow = PhaseTransition;

export type NewTransition = Omit<TransitionRow, 'actor'> & { actorId: string };

const TRANSITION_COLUMNS = `t.id, t.doetank_id, t.from_phase, t.to_phase, t.actor_id, u.name AS actor_name, t.at,
	t.reason_category, t.explanation, t.result_summary, t.override, t.justification, t.overridden`;

const nullable = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toTransition(r: Record<string, unknown>): TransitionRow {
	return {
		id: String(r.id),
		doetankId: String(r.doetank_id),
		from: r.from_phase as Phase,
		to: r.to_phase as Phase,
		actor: { id: String(r.actor_id), name: String(r.actor_name) },
		at: Number(r.at),
		reasonCategory: nullable(r.reason_category) as StopReason | null,
		explanation: nullable(r.explanation),
		resultSummary: nullable(r.result_summary),
		override: Number(r.override) === 1,
		justification: nullable(r.justification),
		overridden: JSON.parse(String(r.overridden)) as GateConditionKey[]
	};
}

/** The event moves the Doetank too (trigger); it fails with 'stale_phase' when `from` is no longer current. */
export function insertTransitionStatement(t: NewTransition): InStatement {
	return {
		sql: `INSERT INTO phase_transitions (id, doetank_id, from_phase, to_phase, actor_id, at, reason_category,
			explanation, result_summary, override, justification, overridden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		args: [
			t.id,
			t.doetankId,
			t.from,
			t.to,
			t.actorId,
			t.at,
			t.reasonCategory,
			t.explanation,
			t.resultSummary,
			t.override ? 1 : 0,
			t.justification,
			JSON.stringify(t.overridden)
		]
	};
}

export async function listTransitions(db: Database, doetankId: string): Promise<TransitionRow[]> {
	const { rows } = await db.execute({
		sql: `SELECT ${TRANSITION_COLUMNS} FROM phase_transitions t JOIN users u ON u.id = t.actor_id
			WHERE t.doetank_id = ? ORDER BY t.at DESC, t.rowid DESC`,
		args: [doetankId]
	});
	return rows.map(toTransition);
}

/** The newest transitions of the whole network, with the Doetank's name. */
export async function recentTransitions(
	db: Database,
	limit: number
): Promise<(TransitionRow & { doetankName: string })[]> {
	const { rows } = await db.execute({
		sql: `SELECT ${TRANSITION_COLUMNS}, d.name AS doetank_name FROM phase_transitions t
			JOIN users u ON u.id = t.actor_id JOIN doetanks d ON d.id = t.doetank_id
			ORDER BY t.at DESC, t.rowid DESC LIMIT ?`,
		args: [limit]
	});
	return rows.map((r) => ({ ...toTransition(r), doetankName: String(r.doetank_name) }));
}

export interface AgreementRow extends AgreementContent {
	version: number;
	updatedBy: { id: string; name: string } | null;
	updatedAt: number;
}

export interface ConfirmationRow {
	version: number;
	content: AgreementContent;
	confirmedBy: { id: string; name: string };
	confirmedAt: number;
}

function toContent(r: Record<string, unknown>): AgreementContent {
	return {
		randvoorwaarden: String(r.randvoorwaarden),
		spelregels: String(r.spelregels),
		terugkoppelmomenten: String(r.terugkoppelmomenten),
		besluitvormer: String(r.besluitvormer),
		informeren: String(r.informeren),
		opdrachtgeverDecides: Number(r.opdrachtgever_decides) === 1
	};
}

/** The agreement as it is now (null before the first save) and its confirmed versions, newest first. */
export async function readAgreement(
	db: Database,
	doetankId: string
): Promise<{ agreement: AgreementRow | null; confirmations: ConfirmationRow[] }> {
	const [current, confirmed] = await db.batch(
		[
			{
				sql: `SELECT a.*, u.name AS updated_by_name FROM agreements a LEFT JOIN users u ON u.id = a.updated_by WHERE a.doetank_id = ?`,
				args: [doetankId]
			},
			{
				sql: `SELECT c.version, c.content, c.confirmed_by, u.name, c.confirmed_at FROM agreement_confirmations c
					JOIN users u ON u.id = c.confirmed_by WHERE c.doetank_id = ? ORDER BY c.version DESC`,
				args: [doetankId]
			}
		],
		'read'
	);
	const row = current!.rows[0];
	return {
		agreement: row
			? {
					...toContent(row),
					version: Number(row.version),
					updatedBy: row.updated_by === null ? null : { id: String(row.updated_by), name: String(row.updated_by_name) },
					updatedAt: Number(row.updated_at)
				}
			: null,
		confirmations: confirmed!.rows.map((r) => ({
			version: Number(r.version),
			content: JSON.parse(String(r.content)) as AgreementContent,
			confirmedBy: { id: String(r.confirmed_by), name: String(r.name) },
			confirmedAt: Number(r.confirmed_at)
		}))
	};
}

/**
 * Saves the agreement as version `expected + 1`, but only if it is still at `expected` (0: not saved
 * yet). Returns false for a stale save: someone else saved in between.
 */
export async function saveAgreement(
	db: Database,
	doetankId: string,
	expected: number,
	c: AgreementContent,
	userId: string
): Promise<boolean> {
	const values = [
		c.randvoorwaarden,
		c.spelregels,
		c.terugkoppelmomenten,
		c.besluitvormer,
		c.informeren,
		c.opdrachtgeverDecides ? 1 : 0,
		userId,
		Date.now()
	];
	const result =
		expected === 0
			? await db.execute({
					sql: `INSERT INTO agreements (doetank_id, version, randvoorwaarden, spelregels, terugkoppelmomenten, besluitvormer,
						informeren, opdrachtgever_decides, updated_by, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (doetank_id) DO NOTHING`,
					args: [doetankId, ...values]
				})
			: await db.execute({
					sql: `UPDATE agreements SET version = version + 1, randvoorwaarden = ?, spelregels = ?, terugkoppelmomenten = ?,
						besluitvormer = ?, informeren = ?, opdrachtgever_decides = ?, updated_by = ?, updated_at = ?
						WHERE doetank_id = ? AND version = ?`,
					args: [...values, doetankId, expected]
				});
	return result.rowsAffected === 1;
}

/** Confirms `version` with a copy of its content; false when the agreement is no longer at that version. */
export function confirmAgreementStatement(doetankId: string, version: number, userId: string, at: number): InStatement {
	return {
		sql: `INSERT INTO agreement_confirmations (doetank_id, version, content, confirmed_by, confirmed_at)
			SELECT doetank_id, version, json_object('randvoorwaarden', randvoorwaarden, 'spelregels', spelregels,
				'terugkoppelmomenten', terugkoppelmomenten, 'besluitvormer', besluitvormer, 'informeren', informeren,
				'opdrachtgeverDecides', json(CASE opdrachtgever_decides WHEN 1 THEN 'true' ELSE 'false' END)), ?, ?
			FROM agreements WHERE doetank_id = ? AND version = ?`,
		args: [userId, at, doetankId, version]
	};
}

/** Everything the gates look at, read in one consistent transaction. */
export async function readGateFacts(db: Database, doetankId: string): Promise<GateFacts> {
	const [roles, agreement, confirmed, approved] = await db.batch(
		[
			{ sql: 'SELECT DISTINCT role FROM membership_roles WHERE doetank_id = ?', args: [doetankId] },
			{ sql: 'SELECT version FROM agreements WHERE doetank_id = ?', args: [doetankId] },
			{
				sql: 'SELECT version, content FROM agreement_confirmations WHERE doetank_id = ? ORDER BY version DESC LIMIT 1',
				args: [doetankId]
			},
			{
				sql: `SELECT s.subjects FROM checkpoint_reviews r JOIN checkpoint_submissions s ON s.id = r.submission_id
					JOIN checkpoints c ON c.id = s.checkpoint_id WHERE c.doetank_id = ? AND r.decision = 'approved'`,
				args: [doetankId]
			}
		],
		'read'
	);
	const last = confirmed!.rows[0];
	const content = last ? (JSON.parse(String(last.content)) as AgreementContent) : null;
	return {
		roles: roles!.rows.map((r) => r.role as DoetankRole),
		agreement: {
			version: Number(agreement!.rows[0]?.version ?? 0),
			confirmed:
				last && content
					? {
							version: Number(last.version),
							besluitvormer: content.besluitvormer,
							opdrachtgeverDecides: content.opdrachtgeverDecides
						}
					: null
		},
		approved: approved!.rows.flatMap((r) => JSON.parse(String(r.subjects)) as CheckpointSubject[])
	};
}

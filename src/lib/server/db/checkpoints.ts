import type { InStatement, Row } from '@libsql/client';
import {
	statusOf,
	type CheckpointStatus,
	type CheckpointSubject,
	type ReviewDecision
} from '$lib/domain/governance/checkpoints';
import type { DoetankRole } from '$lib/domain/roles';
import type { Database } from './client';

export interface CheckpointRow {
	id: string;
	doetankId: string;
	doetankName: string;
	title: string;
	plannedDay: string;
	subjects: CheckpointSubject[];
	/** iCalendar SEQUENCE, raised on every change of the planned day. */
	sequence: number;
	status: CheckpointStatus;
	rounds: number;
	createdAt: number;
	updatedAt: number;
}

/** One artefact of a submission, rendered as Markdown when it was frozen. */
export interface RenderedSubject {
	subject: CheckpointSubject;
	markdown: string;
}

export interface ReviewRow {
	id: string;
	decision: ReviewDecision;
	comment: string;
	reviewer: { id: string; name: string };
	reviewerRoles: DoetankRole[];
	snapshotSha256: string;
	reviewedAt: number;
}

export interface SubmissionRow {
	id: string;
	checkpointId: string;
	checkpointTitle: string;
	round: number;
	subjects: CheckpointSubject[];
	rendered: RenderedSubject[];
	sha256: string;
	submittedBy: { id: string; name: string };
	submittedAt: number;
	review: ReviewRow | null;
}

const SUMMARY = `SELECT c.*, d.name AS doetank_name,
	(SELECT count(*) FROM checkpoint_submissions s WHERE s.checkpoint_id = c.id) AS rounds,
	(SELECT r.decision FROM checkpoint_submissions s LEFT JOIN checkpoint_reviews r ON r.submission_id = s.id
		WHERE s.checkpoint_id = c.id ORDER BY s.round DESC LIMIT 1) AS last_decision
	FROM checkpoints c JOIN doetanks d ON d.id = c.doetank_id`;

function toCheckpoint(r: Row): CheckpointRow {
	const rounds = Number(r.rounds);
	const decision = (r.last_decision ?? null) as ReviewDecision | null;
	return {
		id: String(r.id),
		doetankId: String(r.doetank_id),
		doetankName: String(r.doetank_name),
		title: String(r.title),
		plannedDay: String(r.planned_day),
		subjects: JSON.parse(String(r.subjects)) as CheckpointSubject[],
		sequence: Number(r.sequence),
		status: statusOf(rounds === 0 ? [] : [{ decision }]),
		rounds,
		createdAt: Number(r.created_at),
		updatedAt: Number(r.updated_at)
	};
}

export async function listCheckpoints(db: Database, doetankId: string): Promise<CheckpointRow[]> {
	const { rows } = await db.execute({
		sql: `${SUMMARY} WHERE c.doetank_id = ? ORDER BY c.planned_day, c.created_at`,
		args: [doetankId]
	});
	return rows.map(toCheckpoint);
}

export async function findCheckpoint(db: Database, doetankId: string, id: string): Promise<CheckpointRow | null> {
	const { rows } = await db.execute({ sql: `${SUMMARY} WHERE c.doetank_id = ? AND c.id = ?`, args: [doetankId, id] });
	return rows[0] ? toCheckpoint(rows[0]) : null;
}

/** Checkpoints of every Doetank the user is a member of, for the personal calendar. */
export async function checkpointsOfMember(db: Database, userId: string): Promise<CheckpointRow[]> {
	const { rows } = await db.execute({
		sql: `${SUMMARY} WHERE c.doetank_id IN (SELECT doetank_id FROM memberships WHERE user_id = ?) ORDER BY c.planned_day`,
		args: [userId]
	});
	return rows.map(toCheckpoint);
}

export async function insertCheckpoint(
	db: Database,
	c: {
		id: string;
		doetankId: string;
		title: string;
		plannedDay: string;
		subjects: CheckpointSubject[];
		createdBy: string;
	}
): Promise<void> {
	const now = Date.now();
	await db.execute({
		sql: `INSERT INTO checkpoints (id, doetank_id, title, planned_day, subjects, sequence, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
		args: [c.id, c.doetankId, c.title, c.plannedDay, JSON.stringify(c.subjects), c.createdBy, now, now]
	});
}

/** Replaces title, day and subjects; a new day raises the SEQUENCE so calendar apps move the event. */
export async function updateCheckpoint(
	db: Database,
	id: string,
	c: { title: string; plannedDay: string; subjects: CheckpointSubject[] }
): Promise<void> {
	await db.execute({
		sql: `UPDATE checkpoints SET sequence = sequence + (planned_day <> ?), title = ?, planned_day = ?, subjects = ?, updated_at = ?
			WHERE id = ?`,
		args: [c.plannedDay, c.title, c.plannedDay, JSON.stringify(c.subjects), Date.now(), id]
	});
}

function toReview(r: Row): ReviewRow | null {
	if (r.review_id === null) return null;
	return {
		id: String(r.review_id),
		decision: r.decision as ReviewDecision,
		comment: String(r.comment),
		reviewer: { id: String(r.reviewer_id), name: String(r.reviewer_name) },
		reviewerRoles: JSON.parse(String(r.reviewer_roles)) as DoetankRole[],
		snapshotSha256: String(r.snapshot_sha256),
		reviewedAt: Number(r.reviewed_at)
	};
}

const SUBMISSIONS = `SELECT s.id, s.checkpoint_id, c.title AS checkpoint_title, s.round, s.subjects, s.rendered, s.sha256, s.submitted_by, su.name AS submitter_name,
	s.submitted_at, r.id AS review_id, r.decision, r.comment, r.reviewer_id, ru.name AS reviewer_name, r.reviewer_roles,
	r.snapshot_sha256, r.reviewed_at
	FROM checkpoint_submissions s JOIN checkpoints c ON c.id = s.checkpoint_id JOIN users su ON su.id = s.submitted_by
	LEFT JOIN checkpoint_reviews r ON r.submission_id = s.id LEFT JOIN users ru ON ru.id = r.reviewer_id`;

function toSubmission(r: Row): SubmissionRow {
	return {
		id: String(r.id),
		checkpointId: String(r.checkpoint_id),
		checkpointTitle: String(r.checkpoint_title),
		round: Number(r.round),
		subjects: JSON.parse(String(r.subjects)) as CheckpointSubject[],
		rendered: JSON.parse(String(r.rendered)) as RenderedSubject[],
		sha256: String(r.sha256),
		submittedBy: { id: String(r.submitted_by), name: String(r.submitter_name) },
		submittedAt: Number(r.submitted_at),
		review: toReview(r)
	};
}

/** Every round of one checkpoint, oldest first. */
export async function listSubmissions(db: Database, checkpointId: string): Promise<SubmissionRow[]> {
	const { rows } = await db.execute({
		sql: `${SUBMISSIONS} WHERE s.checkpoint_id = ? ORDER BY s.round`,
		args: [checkpointId]
	});
	return rows.map(toSubmission);
}

/** Every round of every checkpoint of a Doetank, oldest first (for diffs against approvals, and the audit). */
export async function doetankSubmissions(db: Database, doetankId: string): Promise<SubmissionRow[]> {
	const { rows } = await db.execute({
		sql: `${SUBMISSIONS} WHERE c.doetank_id = ? ORDER BY s.submitted_at, s.rowid`,
		args: [doetankId]
	});
	return rows.map(toSubmission);
}

/** The stored Yjs state of one round, exactly as it was frozen. */
export async function readSubmissionState(
	db: Database,
	checkpointId: string,
	round: number
): Promise<{ state: Uint8Array; sha256: string } | null> {
	const { rows } = await db.execute({
		sql: 'SELECT state, sha256 FROM checkpoint_submissions WHERE checkpoint_id = ? AND round = ?',
		args: [checkpointId, round]
	});
	const r = rows[0];
	return r ? { state: new Uint8Array(r.state as ArrayBuffer), sha256: String(r.sha256) } : null;
}

/** The stored Yjs state of one submission, found by its id within one Doetank (for the version history). */
export async function readSubmissionStateById(
	db: Database,
	doetankId: string,
	submissionId: string
): Promise<Uint8Array | null> {
	const { rows } = await db.execute({
		sql: 'SELECT s.state FROM checkpoint_submissions s JOIN checkpoints c ON c.id = s.checkpoint_id WHERE c.doetank_id = ? AND s.id = ?',
		args: [doetankId, submissionId]
	});
	return rows[0] ? new Uint8Array(rows[0].state as ArrayBuffer) : null;
}

export function insertSubmissionStatement(s: {
	id: string;
	checkpointId: string;
	round: number;
	subjects: CheckpointSubject[];
	state: Uint8Array;
	rendered: RenderedSubject[];
	sha256: string;
	submittedBy: string;
	submittedAt: number;
}): InStatement {
	return {
		sql: `INSERT INTO checkpoint_submissions (id, checkpoint_id, round, subjects, state, rendered, sha256, submitted_by, submitted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		args: [
			s.id,
			s.checkpointId,
			s.round,
			JSON.stringify(s.subjects),
			s.state,
			JSON.stringify(s.rendered),
			s.sha256,
			s.submittedBy,
			s.submittedAt
		]
	};
}

export function insertReviewStatement(r: {
	id: string;
	submissionId: string;
	decision: ReviewDecision;
	comment: string;
	reviewerId: string;
	reviewerRoles: readonly DoetankRole[];
	snapshotSha256: string;
	reviewedAt: number;
}): InStatement {
	return {
		sql: `INSERT INTO checkpoint_reviews (id, submission_id, decision, comment, reviewer_id, reviewer_roles, snapshot_sha256, reviewed_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		args: [
			r.id,
			r.submissionId,
			r.decision,
			r.comment,
			r.reviewerId,
			JSON.stringify(r.reviewerRoles),
			r.snapshotSha256,
			r.reviewedAt
		]
	};
}

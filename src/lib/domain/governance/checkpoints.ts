import type { CanvasLevel } from '../workspace/business-case-fields';

/**
 * Terugkoppelmomenten: what is reviewed and the status machine
 * gepland → ingediend → goedgekeurd | aanpassing_gevraagd (→ ingediend again).
 */
export const CHECKPOINT_STATUSES = ['gepland', 'ingediend', 'goedgekeurd', 'aanpassing_gevraagd'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

export type CheckpointEvent = 'submit' | 'approve' | 'requestChanges' | 'reschedule';

const NEXT: Record<CheckpointStatus, Partial<Record<CheckpointEvent, CheckpointStatus>>> = {
	gepland: { submit: 'ingediend', reschedule: 'gepland' },
	ingediend: { approve: 'goedgekeurd', requestChanges: 'aanpassing_gevraagd', reschedule: 'ingediend' },
	aanpassing_gevraagd: { submit: 'ingediend', reschedule: 'aanpassing_gevraagd' },
	// An approval is final: what was approved stays approved, a new version needs a new checkpoint.
	goedgekeurd: {}
};

/** The status after `event`, or null when the event is not possible in `status`. */
export function nextStatus(status: CheckpointStatus, event: CheckpointEvent): CheckpointStatus | null {
	return NEXT[status][event] ?? null;
}

export type ReviewDecision = 'approved' | 'changes_requested';

/** A checkpoint's status follows from its submission rounds (oldest first) and their reviews. */
export function statusOf(rounds: readonly { decision: ReviewDecision | null }[]): CheckpointStatus {
	const last = rounds[rounds.length - 1];
	if (!last) return 'gepland';
	if (last.decision === 'approved') return 'goedgekeurd';
	if (last.decision === 'changes_requested') return 'aanpassing_gevraagd';
	return 'ingediend';
}

/** Which artefacts a checkpoint is about; a business case is named by its canvas id. */
export type CheckpointSubject = 'probleemdefinitie' | 'actielijst' | `businessCase:${string}`;

const BUSINESS_CASE = 'businessCase:';
const CANVAS_ID = /^[A-Za-z0-9:_-]{1,100}$/;

/** A subject as the UI offers it: a business case by its canvas level and pilot or member name. */
export interface SubjectOption {
	subject: CheckpointSubject;
	level: CanvasLevel | null;
	name: string;
}

export const businessCaseSubject = (canvasId: string): CheckpointSubject => `${BUSINESS_CASE}${canvasId}`;

export function isSubject(value: unknown): value is CheckpointSubject {
	if (value === 'probleemdefinitie' || value === 'actielijst') return true;
	return (
		typeof value === 'string' && value.startsWith(BUSINESS_CASE) && CANVAS_ID.test(value.slice(BUSINESS_CASE.length))
	);
}

/** The canvas id of a business-case subject, otherwise null. */
export function canvasOf(subject: CheckpointSubject): string | null {
	return subject.startsWith(BUSINESS_CASE) ? subject.slice(BUSINESS_CASE.length) : null;
}

const RANK = (s: CheckpointSubject) => (s === 'probleemdefinitie' ? 0 : s === 'actielijst' ? 2 : 1);

/** Subjects without duplicates in a fixed order (probleemdefinitie, business cases, actielijst). */
export function normaliseSubjects(subjects: readonly CheckpointSubject[]): CheckpointSubject[] {
	return [...new Set(subjects)].sort((a, b) => RANK(a) - RANK(b) || (a < b ? -1 : a > b ? 1 : 0));
}

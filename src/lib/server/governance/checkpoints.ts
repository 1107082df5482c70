import { generateIdFromEntropySize } from 'lucia';
import * as Y from 'yjs';
import { APPROVER_ROLES } from '$lib/domain/governance/approvers';
import {
	businessCaseSubject,
	nextStatus,
	type CheckpointEvent,
	type CheckpointSubject,
	type SubjectOption
} from '$lib/domain/governance/checkpoints';
import { can, type Actor } from '$lib/domain/policy';
import { EDITING_ROLES } from '$lib/domain/roles';
import { diffLines, readActions, readCanvases, type DiffLine } from '$lib/domain/workspace';
import type { CheckpointInput, ReviewInput } from '$lib/validation/governance';
import { requireDoetank } from '../authz';
import {
	doetankSubmissions,
	findCheckpoint,
	insertCheckpoint,
	insertReviewStatement,
	insertSubmissionStatement,
	listCheckpoints,
	listSubmissions,
	readSubmissionState,
	updateCheckpoint,
	type CheckpointRow,
	type SubmissionRow
} from '../db/checkpoints';
import type { Database } from '../db/client';
import { markDoneStatement } from '../db/notifications';
import { userNames } from '../db/users';
import { AppError } from '../errors';
import type { NotificationService } from '../notifications/service';
import { loadStoredDocument } from '../documents/stored';
import { MissingCanvasError, renderSubjects, sha256Hex } from './frozen';
import { isAbort, isUniqueViolation } from '../db/sql-errors';

/** One artefact of a frozen round, with what changed since the previous round and since the last approval. */
export interface ReviewPart {
	subject: CheckpointSubject;
	markdown: string;
	previous: { round: number; diff: DiffLine[] } | null;
	approved: {
		checkpointId: string;
		checkpointTitle: string;
		round: number;
		reviewedAt: number;
		diff: DiffLine[];
	} | null;
}

export interface CheckpointDetail {
	checkpoint: CheckpointRow;
	/** Every round, oldest first, with its review. */
	rounds: SubmissionRow[];
	/** The round on screen (the latest unless asked otherwise) and its parts. */
	shown: { submission: SubmissionRow; parts: ReviewPart[] } | null;
	subjects: SubjectOption[];
	permissions: { edit: boolean; submit: boolean; review: boolean };
}

const link = (doetankId: string, checkpointId: string) => `/doetanks/${doetankId}/terugkoppelmomenten/${checkpointId}`;

/** Canvases of the document as subjects, plus probleemdefinitie and actielijst. */
async function subjectOptions(db: Database, doc: Y.Doc): Promise<SubjectOption[]> {
	const canvases = readCanvases(doc);
	const names = await userNames(
		db,
		canvases.flatMap((c) => (c.ownerId ? [c.ownerId] : []))
	);
	return [
		{ subject: 'probleemdefinitie', level: null, name: '' },
		...canvases.map((c) => ({
			subject: businessCaseSubject(c.id),
			level: c.level,
			name: c.level === 'personal' ? (names.get(c.ownerId ?? '') ?? '') : c.name
		})),
		{ subject: 'actielijst', level: null, name: '' }
	];
}

function partsOf(shown: SubmissionRow, all: readonly SubmissionRow[]): ReviewPart[] {
	const previousRound = all.find((s) => s.checkpointId === shown.checkpointId && s.round === shown.round - 1);
	const until = shown.review?.reviewedAt ?? Number.POSITIVE_INFINITY;
	const approvals = all
		.filter((s) => s.id !== shown.id && s.review?.decision === 'approved' && s.review.reviewedAt < until)
		.sort((a, b) => (b.review?.reviewedAt ?? 0) - (a.review?.reviewedAt ?? 0));
	return shown.rendered.map(({ subject, markdown }) => {
		const before = previousRound?.rendered.find((p) => p.subject === subject);
		const base = approvals.find((s) => s.rendered.some((p) => p.subject === subject));
		const baseText = base?.rendered.find((p) => p.subject === subject)?.markdown ?? '';
		return {
			subject,
			markdown,
			previous:
				previousRound && before ? { round: previousRound.round, diff: diffLines(before.markdown, markdown) } : null,
			approved: base?.review
				? {
						checkpointId: base.checkpointId,
						checkpointTitle: base.checkpointTitle,
						round: base.round,
						reviewedAt: base.review.reviewedAt,
						diff: diffLines(baseText, markdown)
					}
				: null
		};
	});
}

/**
 * Terugkoppelmomenten. Submitting freezes the stored document (the whole Yjs state, a Markdown
 * copy of the chosen artefacts and the SHA-256 of the state); the opdrachtgever or besluitvormer
 * reviews that frozen round, never the live document. Rounds and reviews cannot change afterwards
 * (database triggers).
 */
export class CheckpointService {
	constructor(
		private readonly db: Database,
		private readonly notifications: NotificationService,
		/** The sync server's document cap (SYNC_MAX_DOCUMENT_BYTES): a frozen state may not be larger. */
		private readonly maxStateBytes = Number.POSITIVE_INFINITY
	) {}

	async list(
		actor: Actor | null,
		doetankId: string
	): Promise<{
		checkpoints: CheckpointRow[];
		subjects: SubjectOption[];
		permissions: { create: boolean; view: boolean };
	}> {
		const { actor: me, roles } = await requireDoetank(this.db, actor, 'doetank.view', doetankId);
		const doc = await loadStoredDocument(this.db, doetankId);
		return {
			checkpoints: await listCheckpoints(this.db, doetankId),
			subjects: await subjectOptions(this.db, doc),
			// A network coach sees that terugkoppelmomenten exist, not what was frozen in them.
			permissions: { create: can(me, 'checkpoint.create', { roles }), view: can(me, 'checkpoint.view', { roles }) }
		};
	}

	async get(actor: Actor | null, doetankId: string, checkpointId: string, round?: number): Promise<CheckpointDetail> {
		const { actor: me, roles } = await requireDoetank(this.db, actor, 'checkpoint.view', doetankId);
		const checkpoint = await this.find(doetankId, checkpointId);
		const all = await doetankSubmissions(this.db, doetankId);
		const rounds = all.filter((s) => s.checkpointId === checkpointId);
		const shown = round === undefined ? rounds[rounds.length - 1] : rounds.find((s) => s.round === round);
		if (round !== undefined && !shown) throw new AppError('not_found', 'error.roundNotFound');
		const standing = { roles };
		return {
			checkpoint,
			rounds,
			shown: shown ? { submission: shown, parts: partsOf(shown, all) } : null,
			subjects: await subjectOptions(this.db, await loadStoredDocument(this.db, doetankId)),
			permissions: {
				edit: can(me, 'checkpoint.create', standing) && nextStatus(checkpoint.status, 'reschedule') !== null,
				submit: can(me, 'checkpoint.submit', standing) && nextStatus(checkpoint.status, 'submit') !== null,
				review: can(me, 'checkpoint.review', standing) && nextStatus(checkpoint.status, 'approve') !== null
			}
		};
	}

	async create(actor: Actor | null, doetankId: string, input: CheckpointInput): Promise<CheckpointRow> {
		const { actor: me } = await requireDoetank(this.db, actor, 'checkpoint.create', doetankId);
		const id = generateIdFromEntropySize(10);
		await insertCheckpoint(this.db, { id, doetankId, ...input, createdBy: me.id });
		return this.find(doetankId, id);
	}

	/** Renames or reschedules; what is reviewed can only change while nothing waits for review. */
	async update(
		actor: Actor | null,
		doetankId: string,
		checkpointId: string,
		input: CheckpointInput
	): Promise<CheckpointRow> {
		await requireDoetank(this.db, actor, 'checkpoint.create', doetankId);
		const checkpoint = await this.find(doetankId, checkpointId);
		this.assertNext(checkpoint, 'reschedule');
		if (checkpoint.status === 'ingediend' && JSON.stringify(input.subjects) !== JSON.stringify(checkpoint.subjects)) {
			throw new AppError('conflict', 'error.checkpointSubjectsLocked');
		}
		await updateCheckpoint(this.db, checkpointId, input);
		return this.find(doetankId, checkpointId);
	}

	/** Freezes the chosen artefacts as the database holds them now, as the next round. */
	async submit(actor: Actor | null, doetankId: string, checkpointId: string): Promise<SubmissionRow> {
		const { actor: me, doetank } = await requireDoetank(this.db, actor, 'checkpoint.submit', doetankId);
		const checkpoint = await this.find(doetankId, checkpointId);
		this.assertNext(checkpoint, 'submit');
		const doc = await loadStoredDocument(this.db, doetankId);
		const owners = [...readActions(doc).map((a) => a.ownerId), ...readCanvases(doc).map((c) => c.ownerId)];
		const names = await userNames(
			this.db,
			owners.filter((o): o is string => o !== null)
		);
		let rendered;
		try {
			rendered = renderSubjects(doc, checkpoint.subjects, {
				doetankName: doetank.name,
				userName: (id) => names.get(id) ?? id
			});
		} catch (err) {
			if (err instanceof MissingCanvasError) throw new AppError('conflict', 'error.subjectMissing');
			throw err;
		}
		const state = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		if (state.byteLength > this.maxStateBytes) throw new AppError('conflict', 'error.documentFull');
		const round = checkpoint.rounds + 1;
		const notices = await this.notifications.statementsFor(
			{
				doetankId,
				kind: 'checkpoint_submitted',
				params: { doetank: doetank.name, title: checkpoint.title, round: String(round) },
				link: link(doetankId, checkpointId)
			},
			APPROVER_ROLES,
			me.id
		);
		const submission = {
			id: generateIdFromEntropySize(10),
			checkpointId,
			round,
			subjects: checkpoint.subjects,
			state,
			rendered,
			sha256: sha256Hex(state),
			submittedBy: me.id,
			submittedAt: Date.now()
		};
		// A new round answers the request for changes: the editors' items about it are done.
		const done = markDoneStatement(['checkpoint_changes_requested'], link(doetankId, checkpointId), null);
		await this.write([insertSubmissionStatement(submission), ...notices, done]);
		return this.round(checkpointId, round);
	}

	/** Approves the round under review, or asks for changes with a comment. */
	async review(
		actor: Actor | null,
		doetankId: string,
		checkpointId: string,
		input: ReviewInput
	): Promise<SubmissionRow> {
		const { actor: me, doetank, roles } = await requireDoetank(this.db, actor, 'checkpoint.review', doetankId);
		const checkpoint = await this.find(doetankId, checkpointId);
		const approve = input.decision === 'approve';
		this.assertNext(checkpoint, approve ? 'approve' : 'requestChanges');
		const submission = await this.round(checkpointId, checkpoint.rounds);
		const reviewer = (await userNames(this.db, [me.id])).get(me.id) ?? '';
		const notices = await this.notifications.statementsFor(
			{
				doetankId,
				kind: approve ? 'checkpoint_approved' : 'checkpoint_changes_requested',
				params: { doetank: doetank.name, title: checkpoint.title, reviewer, comment: input.comment },
				link: link(doetankId, checkpointId)
			},
			EDITING_ROLES,
			me.id
		);
		const review = {
			id: generateIdFromEntropySize(10),
			submissionId: submission.id,
			decision: approve ? ('approved' as const) : ('changes_requested' as const),
			comment: input.comment,
			reviewerId: me.id,
			reviewerRoles: roles,
			snapshotSha256: submission.sha256,
			reviewedAt: Date.now()
		};
		// The round is reviewed: nobody needs to review it any more, so every approver's item is done.
		const done = markDoneStatement(['checkpoint_submitted'], link(doetankId, checkpointId), null);
		await this.write([insertReviewStatement(review), ...notices, done]);
		return this.round(checkpointId, submission.round);
	}

	/** The frozen Yjs state of one round, byte for byte as stored (its SHA-256 is the round's hash). */
	async state(actor: Actor | null, doetankId: string, checkpointId: string, round: number): Promise<Uint8Array> {
		await requireDoetank(this.db, actor, 'checkpoint.view', doetankId);
		await this.find(doetankId, checkpointId);
		const stored = await readSubmissionState(this.db, checkpointId, round);
		if (!stored) throw new AppError('not_found', 'error.roundNotFound');
		return stored.state;
	}

	private async find(doetankId: string, checkpointId: string): Promise<CheckpointRow> {
		const checkpoint = await findCheckpoint(this.db, doetankId, checkpointId);
		if (!checkpoint) throw new AppError('not_found', 'error.checkpointNotFound');
		return checkpoint;
	}

	private async round(checkpointId: string, round: number): Promise<SubmissionRow> {
		const found = (await listSubmissions(this.db, checkpointId)).find((s) => s.round === round);
		if (!found) throw new AppError('not_found', 'error.roundNotFound');
		return found;
	}

	private assertNext(checkpoint: CheckpointRow, event: CheckpointEvent): void {
		if (nextStatus(checkpoint.status, event) === null) {
			throw new AppError('conflict', 'error.checkpointNotOpen');
		}
	}

	/** A concurrent submit or review of the same round loses to the first one: 409, nothing written. */
	private async write(statements: Parameters<Database['batch']>[0]): Promise<void> {
		try {
			await this.db.batch(statements, 'write');
		} catch (err) {
			if (isUniqueViolation(err) || isAbort(err, 'immutable'))
				throw new AppError('conflict', 'error.checkpointNotOpen');
			throw err;
		}
	}
}

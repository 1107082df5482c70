import { generateIdFromEntropySize } from 'lucia';
import {
	mayDelete,
	mayEdit,
	mayResolve,
	passedBound,
	type CommentBound,
	type CommentLimits,
	type CommentReply,
	type CommentRights,
	type CommentThread
} from '$lib/domain/comments';
import { can, type Actor } from '$lib/domain/policy';
import type { NewCommentInput, ReplyInput, ThreadChangeInput } from '$lib/validation/comments';
import { requireDoetank } from '../authz';
import type { Database } from '../db/client';
import {
	commentCounts,
	commentsVersion,
	deleteReply,
	deleteThread,
	editReply,
	editThread,
	findReply,
	findThread,
	insertReply,
	insertThread,
	listThreads,
	setResolved
} from '../db/comments';
import { AppError } from '../errors';

export interface CommentList {
	threads: CommentThread[];
	/** What the asker may do, so the page shows only the buttons that will work. */
	rights: CommentRights;
}

const BOUND_ERRORS: Record<CommentBound, (limits: CommentLimits) => AppError> = {
	rate: (l) => new AppError('too_many_requests', 'error.commentRate', { max: l.maxPerUserPerMinute }),
	threads: (l) => new AppError('conflict', 'error.commentThreadsFull', { max: l.maxThreadsPerDoetank }),
	replies: (l) => new AppError('conflict', 'error.commentRepliesFull', { max: l.maxRepliesPerThread })
};

const notFound = () => new AppError('not_found', 'error.commentNotFound');
const forbidden = () => new AppError('forbidden', 'error.forbidden');

/**
 * Comments on the workspace's texts. They are stored here, beside the Yjs document and never in
 * it, so read-only roles may comment while the sync server keeps refusing their updates. Every
 * method checks the policy first (`comments.*`), then the thread's own rules (authorship).
 */
export class CommentService {
	constructor(
		private readonly db: Database,
		private readonly limits: CommentLimits,
		private readonly now: () => number = Date.now
	) {}

	private async rights(actor: Actor | null, doetankId: string): Promise<CommentRights> {
		const access = await requireDoetank(this.db, actor, 'comments.view', doetankId);
		const standing = { roles: access.roles };
		return {
			actorId: access.actor.id,
			take: can(access.actor, 'comments.add', standing),
			resolveAny: can(access.actor, 'comments.resolve', standing),
			moderate: can(access.actor, 'comments.moderate', standing)
		};
	}

	/** Authorises a live stream before it opens (`comments.view`). */
	async watch(actor: Actor | null, doetankId: string): Promise<void> {
		await this.rights(actor, doetankId);
	}

	/** The counter the live stream compares; it changes with every change of this Doetank's comments. */
	version(doetankId: string): Promise<number> {
		return commentsVersion(this.db, doetankId);
	}

	async list(actor: Actor | null, doetankId: string): Promise<CommentList> {
		const rights = await this.rights(actor, doetankId);
		return { threads: await listThreads(this.db, doetankId), rights };
	}

	async create(actor: Actor | null, doetankId: string, input: NewCommentInput): Promise<CommentThread> {
		const rights = await this.rights(actor, doetankId);
		if (!rights.take) throw forbidden();
		const id = generateIdFromEntropySize(10);
		const createdAt = this.now();
		const row = {
			id,
			doetankId,
			field: input.field,
			anchorStart: input.anchor.start,
			anchorEnd: input.anchor.end,
			quote: input.quote,
			authorId: rights.actorId,
			body: input.body,
			createdAt
		};
		if (!(await insertThread(this.db, row, this.limits))) {
			throw await this.refusal(doetankId, null, rights.actorId, createdAt, false);
		}
		const thread = await findThread(this.db, doetankId, id);
		if (!thread) throw notFound();
		return thread;
	}

	async reply(actor: Actor | null, doetankId: string, threadId: string, input: ReplyInput): Promise<CommentReply> {
		const rights = await this.rights(actor, doetankId);
		if (!rights.take) throw forbidden();
		if (!(await findThread(this.db, doetankId, threadId))) throw notFound();
		const id = generateIdFromEntropySize(10);
		const createdAt = this.now();
		const row = { id, doetankId, threadId, authorId: rights.actorId, body: input.body, createdAt };
		if (!(await insertReply(this.db, row, this.limits))) {
			// The thread may have been deleted in between: then that is the answer.
			if (!(await findThread(this.db, doetankId, threadId))) throw notFound();
			throw await this.refusal(doetankId, threadId, rights.actorId, createdAt, true);
		}
		const reply = await findReply(this.db, doetankId, threadId, id);
		if (!reply) throw notFound();
		return reply;
	}

	/** Resolves or reopens a thread, and/or changes its text; returns it as it is now. */
	async change(
		actor: Actor | null,
		doetankId: string,
		threadId: string,
		input: ThreadChangeInput
	): Promise<CommentThread> {
		const rights = await this.rights(actor, doetankId);
		const thread = await findThread(this.db, doetankId, threadId);
		if (!thread) throw notFound();
		if (input.resolved !== undefined && !mayResolve(rights, thread)) throw forbidden();
		if (input.body !== undefined && !mayEdit(rights, thread)) throw forbidden();
		const at = this.now();
		if (input.body !== undefined && input.body !== thread.body) {
			await editThread(this.db, doetankId, threadId, input.body, at);
		}
		if (input.resolved !== undefined && input.resolved !== (thread.resolvedAt !== null)) {
			await setResolved(this.db, doetankId, threadId, input.resolved ? { at, by: rights.actorId } : null);
		}
		const after = await findThread(this.db, doetankId, threadId);
		if (!after) throw notFound();
		return after;
	}

	async remove(actor: Actor | null, doetankId: string, threadId: string): Promise<void> {
		const rights = await this.rights(actor, doetankId);
		const thread = await findThread(this.db, doetankId, threadId);
		if (!thread) throw notFound();
		if (!mayDelete(rights, thread)) throw forbidden();
		await deleteThread(this.db, doetankId, threadId);
	}

	async changeReply(
		actor: Actor | null,
		doetankId: string,
		threadId: string,
		replyId: string,
		input: ReplyInput
	): Promise<CommentReply> {
		const rights = await this.rights(actor, doetankId);
		const reply = await findReply(this.db, doetankId, threadId, replyId);
		if (!reply) throw notFound();
		if (!mayEdit(rights, reply)) throw forbidden();
		if (input.body !== reply.body) await editReply(this.db, doetankId, threadId, replyId, input.body, this.now());
		const after = await findReply(this.db, doetankId, threadId, replyId);
		if (!after) throw notFound();
		return after;
	}

	async removeReply(actor: Actor | null, doetankId: string, threadId: string, replyId: string): Promise<void> {
		const rights = await this.rights(actor, doetankId);
		const reply = await findReply(this.db, doetankId, threadId, replyId);
		if (!reply) throw notFound();
		if (!mayDelete(rights, reply)) throw forbidden();
		await deleteReply(this.db, doetankId, threadId, replyId);
	}

	/** Which bound a refused write passed, read after the fact (the write itself judged them atomically). */
	private async refusal(
		doetankId: string,
		threadId: string | null,
		authorId: string,
		now: number,
		reply: boolean
	): Promise<AppError> {
		const counts = await commentCounts(this.db, doetankId, threadId, authorId, now);
		// The counts moved in between (a comment deleted): name the bound that most likely stood in the way.
		const bound = passedBound(this.limits, counts, reply) ?? (reply ? 'replies' : 'threads');
		return BOUND_ERRORS[bound](this.limits);
	}
}

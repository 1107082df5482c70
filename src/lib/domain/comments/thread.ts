import type { CommentAnchor } from './anchor';
import type { CommentField } from './field';

export interface CommentAuthor {
	id: string;
	name: string;
}

export interface CommentReply {
	id: string;
	/** null once the account is gone. */
	author: CommentAuthor | null;
	body: string;
	createdAt: number;
	editedAt: number | null;
}

export interface CommentThread {
	id: string;
	field: CommentField;
	anchor: CommentAnchor;
	/** The text the comment was made on, as it read then. */
	quote: string;
	author: CommentAuthor | null;
	body: string;
	createdAt: number;
	editedAt: number | null;
	resolvedAt: number | null;
	resolvedBy: CommentAuthor | null;
	replies: CommentReply[];
}

/**
 * What one person may do with one thread or reply. `resolveAny` and `moderate` come from the policy
 * (`comments.resolve`, `comments.moderate`); authorship is the only other thing that counts.
 */
export interface CommentRights {
	actorId: string;
	/** `comments.add`: still a member who may take part. */
	take: boolean;
	resolveAny: boolean;
	moderate: boolean;
}

const own = (rights: CommentRights, author: CommentAuthor | null) => author !== null && author.id === rights.actorId;

/** Resolve or reopen: the workspace's writers, and whoever started the thread. */
export const mayResolve = (rights: CommentRights, thread: Pick<CommentThread, 'author'>): boolean =>
	rights.resolveAny || (rights.take && own(rights, thread.author));

/** Change the text of a comment or reply: only its author, while still taking part. */
export const mayEdit = (rights: CommentRights, item: { author: CommentAuthor | null }): boolean =>
	rights.take && own(rights, item.author);

/** Remove a comment (with its replies) or a reply: its author, or a moderator (trekker, coach, admin). */
export const mayDelete = (rights: CommentRights, item: { author: CommentAuthor | null }): boolean =>
	rights.moderate || mayEdit(rights, item);

export const isOpen = (thread: Pick<CommentThread, 'resolvedAt'>): boolean => thread.resolvedAt === null;

export const unresolvedCount = (threads: readonly Pick<CommentThread, 'resolvedAt'>[]): number =>
	threads.filter(isOpen).length;

/** The panel's order: open before resolved, then oldest first (as the text is read, roughly). */
export function sortThreads<T extends Pick<CommentThread, 'resolvedAt' | 'createdAt' | 'id'>>(
	threads: readonly T[]
): T[] {
	return [...threads].sort(
		(a, b) =>
			Number(!isOpen(a)) - Number(!isOpen(b)) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** The bounds on comments (settings in config.ts, enforced by the server in one statement). */
export interface CommentLimits {
	maxBodyChars: number;
	maxThreadsPerDoetank: number;
	maxRepliesPerThread: number;
	/** Comments and replies one person may write per minute, over all Doetanks. */
	maxPerUserPerMinute: number;
}

export interface CommentCounts {
	threadsInDoetank: number;
	repliesInThread: number;
	byUserLastMinute: number;
}

export type CommentBound = 'rate' | 'threads' | 'replies';

/**
 * Which bound a new comment (`reply` false) or reply would pass, or null when it fits. The rate is
 * judged first: someone who writes too fast hears that, not that the Doetank is full.
 */
export function passedBound(limits: CommentLimits, counts: CommentCounts, reply: boolean): CommentBound | null {
	if (counts.byUserLastMinute >= limits.maxPerUserPerMinute) return 'rate';
	if (!reply && counts.threadsInDoetank >= limits.maxThreadsPerDoetank) return 'threads';
	if (reply && counts.repliesInThread >= limits.maxRepliesPerThread) return 'replies';
	return null;
}

import { z } from 'zod';
import { isAnchorPosition, isCommentField } from '$lib/domain/comments';

/**
 * Shape limits of a comment's anchor, fixed by what an anchor is rather than by configuration: a
 * relative position is a few dozen bytes, and the quote is only shown as a reminder of the text.
 */
export const COMMENT_SHAPE = { field: 200, anchor: 200, quote: 500 } as const;

const position = z.string().max(COMMENT_SHAPE.anchor).refine(isAnchorPosition, 'validation.commentAnchor');

/** The body's bound is a setting (COMMENT_MAX_BODY_CHARS), so the schemas are made per configuration. */
const body = (maxChars: number) => z.string().trim().min(1).max(maxChars);

export const newCommentInput = (maxChars: number) =>
	z.object({
		field: z.string().max(COMMENT_SHAPE.field).refine(isCommentField, 'validation.commentField'),
		anchor: z.object({ start: position, end: position }),
		// The client sends the text as it is selected; the server only keeps the first part of a long one.
		quote: z
			.string()
			.max(20 * COMMENT_SHAPE.quote)
			.transform((q) => q.slice(0, COMMENT_SHAPE.quote)),
		body: body(maxChars)
	});
export type NewCommentInput = z.infer<ReturnType<typeof newCommentInput>>;

export const replyInput = (maxChars: number) => z.object({ body: body(maxChars) });
export type ReplyInput = z.infer<ReturnType<typeof replyInput>>;

/** A change of a thread: resolve or reopen it, or (its author) change its text. */
export const threadChangeInput = (maxChars: number) =>
	z
		.object({ resolved: z.boolean().optional(), body: body(maxChars).optional() })
		.refine((v) => v.resolved !== undefined || v.body !== undefined, 'validation.required');
export type ThreadChangeInput = z.infer<ReturnType<typeof threadChangeInput>>;

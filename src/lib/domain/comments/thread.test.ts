import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasField, createPilotCanvas, ensureDoetankCanvas } from '../workspace/canvases';
import { probleemdefinitie } from '../workspace/layout';
import { canvasCommentField, commentFragment, parseCommentField, PROBLEEMDEFINITIE_FIELD } from './field';
import {
	mayDelete,
	mayEdit,
	mayResolve,
	passedBound,
	sortThreads,
	unresolvedCount,
	type CommentLimits,
	type CommentRights
} from './thread';

const ann = { id: 'ann', name: 'Ann' };
const bob = { id: 'bob', name: 'Bob' };
const rights = (over: Partial<CommentRights> = {}): CommentRights => ({
	actorId: 'ann',
	take: true,
	resolveAny: false,
	moderate: false,
	...over
});

describe('who may do what with a thread', () => {
	it('a read-only member resolves and edits only their own thread', () => {
		const meekijker = rights();
		expect(mayResolve(meekijker, { author: ann })).toBe(true);
		expect(mayResolve(meekijker, { author: bob })).toBe(false);
		expect(mayEdit(meekijker, { author: ann })).toBe(true);
		expect(mayEdit(meekijker, { author: bob })).toBe(false);
		expect(mayDelete(meekijker, { author: bob })).toBe(false);
	});
	it('a writer resolves any thread but edits only their own', () => {
		const lid = rights({ resolveAny: true });
		expect(mayResolve(lid, { author: bob })).toBe(true);
		expect(mayEdit(lid, { author: bob })).toBe(false);
	});
	it('a moderator deletes anyone’s, but does not edit it', () => {
		const trekker = rights({ moderate: true });
		expect(mayDelete(trekker, { author: bob })).toBe(true);
		expect(mayDelete(trekker, { author: null })).toBe(true);
		expect(mayEdit(trekker, { author: bob })).toBe(false);
	});
	it('someone who no longer takes part (an admin looking in) changes nothing of their own making', () => {
		const outside = rights({ take: false });
		expect(mayEdit(outside, { author: ann })).toBe(false);
		expect(mayResolve(outside, { author: ann })).toBe(false);
		expect(mayDelete(outside, { author: ann })).toBe(false);
	});
	it('nobody owns a comment of a removed account', () => {
		expect(mayEdit(rights(), { author: null })).toBe(false);
	});
});

describe('the panel’s list', () => {
	const thread = (id: string, createdAt: number, resolvedAt: number | null) => ({ id, createdAt, resolvedAt });
	it('counts the open threads', () => {
		expect(unresolvedCount([thread('a', 1, null), thread('b', 2, 5), thread('c', 3, null)])).toBe(2);
		expect(unresolvedCount([])).toBe(0);
	});
	it('lists open threads first, each group oldest first, whatever the input order', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.record({ id: fc.string(), createdAt: fc.nat(), resolvedAt: fc.option(fc.nat()) }), {
					selector: (t) => t.id
				}),
				(threads) => {
					const sorted = sortThreads(threads);
					expect(sortThreads([...threads].reverse())).toEqual(sorted);
					const firstResolved = sorted.findIndex((t) => t.resolvedAt !== null);
					if (firstResolved >= 0) expect(sorted.slice(firstResolved).every((t) => t.resolvedAt !== null)).toBe(true);
					for (let i = 1; i < sorted.length; i++) {
						const [a, b] = [sorted[i - 1]!, sorted[i]!];
						if ((a.resolvedAt === null) === (b.resolvedAt === null))
							expect(a.createdAt).toBeLessThanOrEqual(b.createdAt);
					}
				}
			)
		);
	});
});

describe('bounds', () => {
	const limits: CommentLimits = {
		maxBodyChars: 10,
		maxThreadsPerDoetank: 3,
		maxRepliesPerThread: 2,
		maxPerUserPerMinute: 5
	};
	const counts = { threadsInDoetank: 0, repliesInThread: 0, byUserLastMinute: 0 };
	it('lets a comment in below every bound, up to the last one that fits', () => {
		expect(passedBound(limits, { ...counts, threadsInDoetank: 2, byUserLastMinute: 4 }, false)).toBeNull();
		expect(passedBound(limits, { ...counts, repliesInThread: 1 }, true)).toBeNull();
	});
	it('names the bound a comment or reply would pass, the rate first', () => {
		expect(passedBound(limits, { ...counts, threadsInDoetank: 3 }, false)).toBe('threads');
		expect(passedBound(limits, { ...counts, repliesInThread: 2 }, true)).toBe('replies');
		expect(passedBound(limits, { threadsInDoetank: 3, repliesInThread: 2, byUserLastMinute: 5 }, false)).toBe('rate');
		// A full Doetank does not stop replies, nor a full thread new comments.
		expect(passedBound(limits, { ...counts, threadsInDoetank: 3 }, true)).toBeNull();
		expect(passedBound(limits, { ...counts, repliesInThread: 2 }, false)).toBeNull();
	});
});

describe('comment fields', () => {
	it('names the probleemdefinitie and every canvas field', () => {
		const doc = new Y.Doc();
		ensureDoetankCanvas(doc);
		const pilot = createPilotCanvas(doc, 'Gemeente');
		expect(commentFragment(doc, PROBLEEMDEFINITIE_FIELD)).toBe(probleemdefinitie(doc));
		const field = canvasCommentField(pilot, 'kosten');
		expect(parseCommentField(field)).toEqual({ kind: 'canvas', canvasId: pilot, key: 'kosten' });
		expect(commentFragment(doc, field)).toBe(canvasField(doc, pilot, 'kosten'));
		expect(commentFragment(doc, canvasCommentField('doetank', 'baten'))).toBe(canvasField(doc, 'doetank', 'baten'));
	});
	it('refuses what is no field, and finds nothing for a removed canvas', () => {
		for (const bad of [
			'',
			'actions',
			'canvas/doetank',
			'canvas/doetank/bestaatniet',
			'canvas/a b/kosten',
			'canvas/x/kosten/y'
		]) {
			expect(parseCommentField(bad), bad).toBeNull();
		}
		expect(commentFragment(new Y.Doc(), canvasCommentField('pilot:weg', 'kosten'))).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { addAction, updateAction, WorkspaceError } from '$lib/domain/workspace';
import * as Y from 'yjs';
import { noteProblem, titleProblem } from './validate';

describe('titleProblem', () => {
	it('asks for a title when there is only white space', () => {
		expect(titleProblem('')).toEqual({ key: 'validation.required' });
		expect(titleProblem('   ')).toEqual({ key: 'validation.required' });
	});

	it('allows exactly the limit after trimming, not one more', () => {
		expect(titleProblem(`  ${'x'.repeat(200)}  `)).toBeNull();
		expect(titleProblem('x'.repeat(201))).toEqual({ key: 'validation.tooLong', params: { max: 200 } });
	});
});

describe('noteProblem', () => {
	it('allows an empty note and up to the limit', () => {
		expect(noteProblem('')).toBeNull();
		expect(noteProblem('y'.repeat(2000))).toBeNull();
		expect(noteProblem('y'.repeat(2001))).toEqual({ key: 'validation.tooLong', params: { max: 2000 } });
	});
});

describe('agreement with the model', () => {
	// Whatever the panel lets through, the document accepts, and the other way round.
	it.each(['', ' ', 'a', 'x'.repeat(200), 'x'.repeat(201), ` ${'x'.repeat(200)} `])('title %#', (title) => {
		const doc = new Y.Doc();
		const id = addAction(doc, { title: 'start' }, 'u1');
		const accepted = (() => {
			try {
				updateAction(doc, id, { title });
				return true;
			} catch (err) {
				if (err instanceof WorkspaceError) return false;
				throw err;
			}
		})();
		expect(accepted).toBe(titleProblem(title) === null);
	});
});

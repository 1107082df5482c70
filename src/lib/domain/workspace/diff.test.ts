import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, type DiffLine } from './diff';

const show = (lines: DiffLine[]) =>
	lines.map(({ kind, text }) => `${{ added: '+', removed: '-', unchanged: ' ' }[kind]}${text}`);

describe('diffLines', () => {
	it('marks added, removed and unchanged lines, removals before additions', () => {
		expect(show(diffLines('a\nb\nc\nd', 'a\nB\nc\nd\ne'))).toEqual([' a', '-b', '+B', ' c', ' d', '+e']);
		expect(show(diffLines('kop\n\noud\nzelfde', 'kop\n\nzelfde'))).toEqual([' kop', ' ', '-oud', ' zelfde']);
	});

	it('handles empty texts', () => {
		expect(diffLines('', '')).toEqual([]);
		expect(show(diffLines('', 'x\ny'))).toEqual(['+x', '+y']);
		expect(show(diffLines('x', ''))).toEqual(['-x']);
	});

	it('keeps a longest common subsequence unchanged', () => {
		const diff = diffLines('a\nb\nc\na\nb\nb\na', 'c\nb\na\nb\na\nc');
		expect(diff.filter((line) => line.kind === 'unchanged')).toHaveLength(4);
		expect(diff.filter((line) => line.kind === 'removed')).toHaveLength(3);
		expect(diff.filter((line) => line.kind === 'added')).toHaveLength(2);
	});

	it('always rebuilds both texts, and keeps as many lines as any common subsequence', () => {
		const text = fc.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 12 }).map((lines) => lines.join('\n'));
		fc.assert(
			fc.property(text, text, (a, b) => {
				const diff = diffLines(a, b);
				const side = (kind: DiffLine['kind']) =>
					diff
						.filter((line) => line.kind !== kind)
						.map((line) => line.text)
						.join('\n');
				expect(side('added')).toBe(a === '' ? '' : a);
				expect(side('removed')).toBe(b);
				if (a === b) expect(diff.every((line) => line.kind === 'unchanged')).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});
});

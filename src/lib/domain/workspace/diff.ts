/** A readable line diff between two versions of a text (e.g. two Markdown renderings). */
export type DiffKind = 'added' | 'removed' | 'unchanged';

export interface DiffLine {
	kind: DiffKind;
	text: string;
}

const linesOf = (text: string): string[] => (text === '' ? [] : text.split('\n'));

/**
 * Longest common subsequence over the lines that differ (common head and tail are cut first, so
 * the usual small edit of a long text is cheap). Where lines changed, removals come before
 * additions. Memory is (changed lines of a) × (changed lines of b): fine for documents of a few
 * thousand lines.
 */
export function diffLines(a: string, b: string): DiffLine[] {
	const before = linesOf(a);
	const after = linesOf(b);
	let head = 0;
	while (head < before.length && head < after.length && before[head] === after[head]) head++;
	let tail = 0;
	while (
		tail < before.length - head &&
		tail < after.length - head &&
		before[before.length - 1 - tail] === after[after.length - 1 - tail]
	) {
		tail++;
	}
	const x = before.slice(head, before.length - tail);
	const y = after.slice(head, after.length - tail);
	const width = y.length + 1;
	// common[i * width + j]: length of the LCS of x[i..] and y[j..]
	const common = new Uint32Array((x.length + 1) * width);
	for (let i = x.length - 1; i >= 0; i--) {
		for (let j = y.length - 1; j >= 0; j--) {
			common[i * width + j] =
				x[i] === y[j]
					? (common[(i + 1) * width + j + 1] as number) + 1
					: Math.max(common[(i + 1) * width + j] as number, common[i * width + j + 1] as number);
		}
	}
	const middle: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < x.length || j < y.length) {
		if (i < x.length && j < y.length && x[i] === y[j]) {
			middle.push({ kind: 'unchanged', text: x[i++] as string });
			j++;
		} else if (j === y.length || (i < x.length && common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) {
			middle.push({ kind: 'removed', text: x[i++] as string });
		} else {
			middle.push({ kind: 'added', text: y[j++] as string });
		}
	}
	const same = (text: string): DiffLine => ({ kind: 'unchanged', text });
	return [...before.slice(0, head).map(same), ...middle, ...after.slice(after.length - tail).map(same)];
}

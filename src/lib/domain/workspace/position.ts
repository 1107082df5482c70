/**
 * Fractional positions for ordered lists in a Y.Map (see docs/ydoc-layout.md, "Ordering").
 *
 * A position is a base-62 fraction written without "0." and without trailing zeros, so plain
 * string order is numeric order and between any two positions there is always another one.
 * Every new position gets a few random digits at the end: two members who insert at the same
 * place at the same time get different positions, and the id breaks the rare remaining tie.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const JITTER_DIGITS = 3;
const POSITION = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

export function isPosition(value: unknown): value is string {
	return typeof value === 'string' && POSITION.test(value);
}

const digit = (char: string | undefined): number => (char === undefined ? 0 : DIGITS.indexOf(char));
const char = (value: number): string => DIGITS[value] as string;

/** The shortest key between a and b (b null: the open end), for a < b. */
function midpoint(a: string, b: string | null): string {
	if (b !== null) {
		let common = 0;
		while (common < b.length && (a[common] ?? '0') === b[common]) common++;
		if (common > 0) return b.slice(0, common) + midpoint(a.slice(common), b.slice(common));
	}
	const low = digit(a[0]);
	const high = b === null ? BASE : digit(b[0]);
	if (high - low > 1) return char(Math.round((low + high) / 2));
	if (b !== null && b.length > 1) return b.slice(0, 1);
	return char(low) + midpoint(a.slice(1), null);
}

/** Appending steps the first digit by one, so a list grows by one character per ~60 appends. */
function after(a: string): string {
	const first = digit(a[0]);
	if (a === '') return midpoint('', null);
	if (first + 1 < BASE) return char(first + 1);
	return char(first) + after(a.slice(1));
}

function jitter(random: () => number): string {
	let suffix = '';
	for (let i = 1; i < JITTER_DIGITS; i++) suffix += char(Math.floor(random() * BASE));
	return suffix + char(1 + Math.floor(random() * (BASE - 1)));
}

/**
 * A position strictly between `lo` and `hi`; null means the start or the end of the list.
 * Throws when lo >= hi: callers first resolve ties (see `placeAt` in actions.ts).
 */
export function positionBetween(lo: string | null, hi: string | null, random: () => number = Math.random): string {
	const low = lo ?? '';
	if ((lo !== null && !isPosition(lo)) || (hi !== null && !isPosition(hi))) {
		throw new RangeError(`Not a position: ${lo} / ${hi}`);
	}
	if (hi !== null && low >= hi) throw new RangeError(`No position between ${lo} and ${hi}`);
	const key = hi === null ? after(low) : midpoint(low, hi);
	const candidate = key + jitter(random);
	if (hi === null || candidate < hi) return candidate;
	// Only when `key` is a prefix of `hi`: continue inside the gap (key, hi).
	return key + positionBetween(null, hi.slice(key.length), random);
}

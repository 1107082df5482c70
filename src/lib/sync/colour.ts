/**
 * Presence colours. Each carries white initials and caret labels, so every colour has a contrast of
 * at least 4.5:1 with white (checked in colour.test.ts); neighbours differ in hue.
 */
export const PALETTE = [
	'#b3261e',
	'#1d6b38',
	'#1d4ed8',
	'#8a4b08',
	'#6d28d9',
	'#0f6674',
	'#a21caf',
	'#4a5a14',
	'#9f1239',
	'#44546a'
] as const;

/** The same user always gets the same colour, on every device (FNV-1a of the id). */
export function userColour(userId: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < userId.length; i++) {
		hash ^= userId.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return PALETTE[hash % PALETTE.length]!;
}

/** Up to two initials: first and last word ("Tineke Trekker" → "TT", "Bea" → "B"). */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	const first = words[0]!;
	const last = words.length > 1 ? words[words.length - 1]! : '';
	return (first.charAt(0) + last.charAt(0)).toUpperCase();
}

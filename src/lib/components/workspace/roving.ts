/**
 * Arrow-key movement shared by the ARIA tabs and toolbar patterns: one tab stop, ←/→ wrap around,
 * Home/End jump to the ends. Returns the index to move to, or undefined for any other key.
 */
export function rovingIndex(key: string, index: number, count: number): number | undefined {
	const last = count - 1;
	switch (key) {
		case 'ArrowRight':
			return index === last ? 0 : index + 1;
		case 'ArrowLeft':
			return index === 0 ? last : index - 1;
		case 'Home':
			return 0;
		case 'End':
			return last;
		default:
			return undefined;
	}
}

/** Keyboard shortcuts of the actielijst panel, as pure functions of the key event's fields. */

/** What a key on an action's move handle does; undefined leaves the key to the browser. */
export type KeyMove = { kind: 'move'; to: number } | { kind: 'cancel' };

/**
 * Alt+↑/↓ move at any time; after the handle was activated ("grabbed") plain ↑/↓, Home and End
 * move too and Escape puts the action back. `to` is clamped, so it equals `index` at either end.
 */
export function keyMove(
	key: string,
	altKey: boolean,
	grabbed: boolean,
	index: number,
	count: number
): KeyMove | undefined {
	const clamp = (to: number) => ({ kind: 'move', to: Math.max(0, Math.min(count - 1, to)) }) as const;
	if (altKey || grabbed) {
		if (key === 'ArrowUp') return clamp(index - 1);
		if (key === 'ArrowDown') return clamp(index + 1);
	}
	if (!grabbed) return undefined;
	if (key === 'Home') return clamp(0);
	if (key === 'End') return clamp(count - 1);
	if (key === 'Escape') return { kind: 'cancel' };
	return undefined;
}

/** Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. */
export function undoKey(
	event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>
): 'undo' | 'redo' | undefined {
	if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
	const key = event.key.toLowerCase();
	if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
	if (key === 'y' && !event.shiftKey) return 'redo';
	return undefined;
}

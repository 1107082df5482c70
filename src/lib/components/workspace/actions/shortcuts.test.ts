import { describe, expect, it } from 'vitest';
import { keyMove, undoKey } from './shortcuts';

describe('keyMove', () => {
	it('moves one step with Alt and the arrows, grabbed or not', () => {
		expect(keyMove('ArrowUp', true, false, 2, 5)).toEqual({ kind: 'move', to: 1 });
		expect(keyMove('ArrowDown', true, false, 2, 5)).toEqual({ kind: 'move', to: 3 });
		expect(keyMove('ArrowDown', false, true, 2, 5)).toEqual({ kind: 'move', to: 3 });
	});

	it('stays put at the ends', () => {
		expect(keyMove('ArrowUp', true, false, 0, 5)).toEqual({ kind: 'move', to: 0 });
		expect(keyMove('ArrowDown', false, true, 4, 5)).toEqual({ kind: 'move', to: 4 });
	});

	it('jumps to the ends and cancels only while grabbed', () => {
		expect(keyMove('Home', false, true, 3, 5)).toEqual({ kind: 'move', to: 0 });
		expect(keyMove('End', false, true, 1, 5)).toEqual({ kind: 'move', to: 4 });
		expect(keyMove('Escape', false, true, 1, 5)).toEqual({ kind: 'cancel' });
		for (const key of ['Home', 'End', 'Escape', 'ArrowUp', 'ArrowDown'])
			expect(keyMove(key, false, false, 1, 5)).toBeUndefined();
	});

	it('leaves other keys to the browser', () => {
		expect(keyMove('Tab', false, true, 1, 5)).toBeUndefined();
		expect(keyMove('ArrowLeft', true, true, 1, 5)).toBeUndefined();
	});
});

describe('undoKey', () => {
	const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
		undoKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

	it.each([
		['z', { ctrlKey: true }, 'undo'],
		['z', { metaKey: true }, 'undo'],
		['Z', { ctrlKey: true, shiftKey: true }, 'redo'],
		['z', { metaKey: true, shiftKey: true }, 'redo'],
		['y', { ctrlKey: true }, 'redo']
	] as const)('%s with %o → %s', (k, mods, expected) => {
		expect(key(k, mods)).toBe(expected);
	});

	it('ignores the keys without Ctrl/Cmd, with Alt, and other letters', () => {
		expect(key('z')).toBeUndefined();
		expect(key('z', { ctrlKey: true, altKey: true })).toBeUndefined();
		expect(key('y', { ctrlKey: true, shiftKey: true })).toBeUndefined();
		expect(key('x', { ctrlKey: true })).toBeUndefined();
	});
});

import * as Y from 'yjs';
import { editBetween } from '$lib/domain/workspace';
import { undoKey } from './shortcuts';

export interface TextBindingOptions {
	/** The model's limit; typing beyond it is refused (merges of two people's typing may still exceed it). */
	maxLength: number;
	/** A title: line breaks (typed or pasted) become spaces. */
	singleLine?: boolean;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Where `index` ends up after a remote change described by a Y.Text delta. */
export function shiftIndex(index: number, delta: Y.YTextEvent['delta']): number {
	let at = 0;
	let shift = 0;
	for (const op of delta) {
		if (op.retain !== undefined) at += op.retain;
		else if (typeof op.insert === 'string') {
			// Text inserted at the caret goes before it, as with Yjs relative positions.
			if (at <= index) shift += op.insert.length;
		} else if (op.delete !== undefined) {
			if (at < index) shift -= Math.min(op.delete, index - at);
			at += op.delete;
		}
		if (at > index) break;
	}
	return index + shift;
}

/**
 * Binds a plain input or textarea to a Y.Text, character by character, like the rich-text editors
 * are bound to their fragments: each input event becomes the one changed range as a Y.Text edit,
 * and others' changes update the field with the caret kept in place. Undo (Ctrl+Z / Ctrl+Y in the
 * field) takes back only this user's typing in this field; with nothing of theirs left to undo the
 * key goes on to the panel's undo. Returns the function that unbinds.
 */
export function bindText(field: Field, text: Y.Text, options: TextBindingOptions): () => void {
	const origin = Symbol('action-text');
	const doc = text.doc;
	if (!doc) throw new Error('bindText needs a text inside a document');
	const undo = new Y.UndoManager(text, { trackedOrigins: new Set([origin]), captureTimeout: 600 });
	field.value = text.toString();

	const input = () => {
		const previous = text.toString();
		let next = field.value;
		if (options.singleLine && /[\r\n]/.test(next)) {
			const caret = field.selectionEnd;
			next = next.replace(/\r\n?|\n/g, ' ');
			field.value = next;
			if (caret !== null) field.setSelectionRange(caret, caret);
		}
		if (next.length > options.maxLength && next.length > previous.length) {
			const caret = Math.max(0, (field.selectionEnd ?? 0) - (next.length - previous.length));
			field.value = previous;
			field.setSelectionRange(caret, caret);
			return;
		}
		const { from, to, insert } = editBetween(previous, next, field.selectionEnd ?? undefined);
		doc.transact(() => {
			if (to > from) text.delete(from, to - from);
			if (insert) text.insert(from, insert);
		}, origin);
	};
	const observe = (event: Y.YTextEvent) => {
		if (event.transaction.origin === origin) return;
		const value = text.toString();
		if (field.value === value) return;
		const focused = document.activeElement === field;
		const start = shiftIndex(field.selectionStart ?? 0, event.delta);
		const end = shiftIndex(field.selectionEnd ?? 0, event.delta);
		field.value = value;
		if (focused) field.setSelectionRange(start, end);
	};
	const keydown = (event: KeyboardEvent) => {
		if (options.singleLine && event.key === 'Enter') {
			event.preventDefault();
			return;
		}
		const kind = undoKey(event);
		if (!kind) return;
		const manager = kind === 'undo' ? undo.canUndo() : undo.canRedo();
		if (!manager) return;
		event.preventDefault();
		event.stopPropagation();
		if (kind === 'undo') undo.undo();
		else undo.redo();
	};

	// One element type for the listeners: the union's overloads do not combine.
	const element: HTMLElement = field;
	element.addEventListener('input', input);
	element.addEventListener('keydown', keydown);
	text.observe(observe);
	return () => {
		element.removeEventListener('input', input);
		element.removeEventListener('keydown', keydown);
		text.unobserve(observe);
		undo.destroy();
	};
}

import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
	absolutePositionToRelativePosition,
	relativePositionToAbsolutePosition,
	ySyncPluginKey
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
	decodeAnchorPosition,
	encodeAnchorPosition,
	isOpen,
	type CommentAnchor,
	type CommentThread
} from '$lib/domain/comments';

export const commentHighlightsKey = new PluginKey('commentHighlights');

interface Binding {
	type: Y.XmlFragment;
	doc: Y.Doc;
	mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
}

function binding(state: EditorState): Binding | null {
	const sync = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined;
	return sync?.binding ?? null;
}

/** Where an anchor lies in this editor now, or null when its text is gone (or not yet here). */
export function anchorRange(state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null {
	const b = binding(state);
	const start = decodeAnchorPosition(anchor.start);
	const end = decodeAnchorPosition(anchor.end);
	if (!b || !start || !end) return null;
	const from = relativePositionToAbsolutePosition(b.doc, b.type, start, b.mapping);
	const to = relativePositionToAbsolutePosition(b.doc, b.type, end, b.mapping);
	if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
	return { from, to };
}

/** The anchor of a selected range, as y-tiptap's relative positions; null before the binding exists. */
export function anchorOf(state: EditorState, from: number, to: number): CommentAnchor | null {
	const b = binding(state);
	if (!b) return null;
	const start = absolutePositionToRelativePosition(from, b.type, b.mapping) as Y.RelativePosition;
	const end = absolutePositionToRelativePosition(to, b.type, b.mapping) as Y.RelativePosition;
	return { start: encodeAnchorPosition(start), end: encodeAnchorPosition(end) };
}

interface Options {
	/** This field's threads; read on every redraw, so it can be reactive state. */
	threads: () => CommentThread[];
	selected: () => string | null;
	/** Announced to screen readers on the highlighted text. */
	label: string;
}

/**
 * Highlights the open comments' ranges in one rich text field: a decoration per thread, placed
 * from its relative positions on every redraw, so it follows everyone's typing. The page asks
 * for a redraw when the comments change (`refreshHighlights`).
 */
export const CommentHighlights = Extension.create<Options>({
	name: 'commentHighlights',
	addOptions: () => ({ threads: () => [], selected: () => null, label: '' }),
	addProseMirrorPlugins() {
		const { threads, selected, label } = this.options;
		return [
			new Plugin({
				key: commentHighlightsKey,
				props: {
					decorations(state) {
						const decorations: Decoration[] = [];
						for (const thread of threads()) {
							if (!isOpen(thread)) continue;
							const range = anchorRange(state, thread.anchor);
							if (!range) continue;
							const active = selected() === thread.id;
							decorations.push(
								Decoration.inline(range.from, range.to, {
									class: active ? 'comment-anchor comment-anchor--active' : 'comment-anchor',
									'data-comment': thread.id,
									'aria-description': label
								})
							);
						}
						return DecorationSet.create(state.doc, decorations);
					}
				}
			})
		];
	}
});

/** Redraws the highlights after the comments changed (an empty transaction with a marker). */
export function refreshHighlights(view: { state: EditorState; dispatch: (tr: EditorState['tr']) => void }): void {
	view.dispatch(view.state.tr.setMeta(commentHighlightsKey, 'refresh').setMeta('addToHistory', false));
}

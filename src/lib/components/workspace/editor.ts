import { Extension, type Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Placeholder from '@tiptap/extension-placeholder';
import { Selection, TextSelection, type Transaction } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import type * as Y from 'yjs';
import type { MessageKey } from '$lib/i18n';
import type { Workspace } from '$lib/sync/workspace.svelte';

/** The page's h2 is the section title, so headings inside the text start at h3. */
export const HEADING_LEVELS = [3, 4] as const;

interface ExtensionOptions {
	workspace: Workspace;
	fragment: Y.XmlFragment;
	placeholder: string;
	editable: boolean;
	onLinkShortcut: () => void;
	/** Ctrl+Alt+M, as in other editors: a comment on the selection (fields that take comments). */
	onCommentShortcut?: () => void;
}

/**
 * A remote caret: a line in the person's colour with their name. Hidden from screen readers, which
 * would otherwise read the name as part of the text; the presence list says who is where.
 */
function caret(user: Record<string, string>): HTMLElement {
	const line = document.createElement('span');
	line.className = 'collaboration-carets__caret';
	line.style.borderColor = user.color ?? 'transparent';
	line.setAttribute('aria-hidden', 'true');
	const label = document.createElement('span');
	label.className = 'collaboration-carets__label';
	label.style.backgroundColor = user.color ?? 'transparent';
	label.textContent = user.name ?? '';
	line.append(label);
	return line;
}

/**
 * Ctrl+Home / Ctrl+End (with Shift: select to there) as editor commands instead of the browser's
 * own caret move. ProseMirror syncs the DOM selection back to its state 20 ms after the field gains
 * focus (later on a busy page); a native caret move it has not yet read is undone then, so
 * Ctrl+Home right after clicking into a field did nothing. A command changes the state itself.
 */
export function moveToDocumentEdge(tr: Transaction, edge: 'start' | 'end', extend: boolean): Transaction {
	const target = edge === 'start' ? Selection.atStart(tr.doc) : Selection.atEnd(tr.doc);
	const selection = extend ? TextSelection.between(tr.selection.$anchor, target.$head) : target;
	return tr.setSelection(selection).scrollIntoView();
}

const documentEdgeKeys = Extension.create({
	name: 'documentEdgeKeys',
	addKeyboardShortcuts() {
		const move = (edge: 'start' | 'end', extend: boolean) => () =>
			this.editor.commands.command(({ tr }) => Boolean(moveToDocumentEdge(tr, edge, extend)));
		return {
			'Ctrl-Home': move('start', false),
			'Ctrl-End': move('end', false),
			'Shift-Ctrl-Home': move('start', true),
			'Shift-Ctrl-End': move('end', true)
		};
	}
});

/** Tiptap set-up for one collaborative rich text field of the Doetank's document. */
export function collaborativeExtensions({
	workspace,
	fragment,
	placeholder,
	editable,
	onLinkShortcut,
	onCommentShortcut
}: ExtensionOptions) {
	const user = workspace.awareness.getLocalState()?.user as Record<string, string>;
	return [
		StarterKit.configure({
			// Collaboration brings an undo that only undoes this user's own changes.
			undoRedo: false,
			// Both would write to the shared document on their own (an extra paragraph, code blocks
			// nobody asked for), from every client at once.
			trailingNode: false,
			codeBlock: false,
			code: false,
			horizontalRule: false,
			heading: { levels: [...HEADING_LEVELS] },
			link: { openOnClick: !editable, autolink: true, defaultProtocol: 'https' }
		}),
		Collaboration.configure({ fragment }),
		CollaborationCaret.configure({ provider: workspace.provider, user, render: caret }),
		Placeholder.configure({ placeholder }),
		documentEdgeKeys,
		Extension.create({
			name: 'linkShortcut',
			addKeyboardShortcuts: () => ({
				'Mod-k': () => {
					onLinkShortcut();
					return true;
				},
				'Mod-Alt-m': () => {
					if (!onCommentShortcut) return false;
					onCommentShortcut();
					return true;
				}
			})
		})
	];
}

/** One toolbar button; `keys` is spelled as aria-keyshortcuts wants it (Control becomes Meta on a Mac). */
export interface ToolbarAction {
	id: string;
	label: MessageKey;
	keys: string;
	/** Toggles show their state with aria-pressed; undo and redo do not. */
	active?: (editor: Editor) => boolean;
	enabled?: (editor: Editor) => boolean;
	run: (editor: Editor) => void;
}

export function toolbarActions(openLink: () => void): ToolbarAction[] {
	return [
		{
			id: 'heading',
			label: 'workspace.editor.heading',
			keys: 'Control+Alt+3',
			active: (e) => e.isActive('heading', { level: 3 }),
			run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run()
		},
		{
			id: 'subheading',
			label: 'workspace.editor.subheading',
			keys: 'Control+Alt+4',
			active: (e) => e.isActive('heading', { level: 4 }),
			run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run()
		},
		{
			id: 'bold',
			label: 'workspace.editor.bold',
			keys: 'Control+B',
			active: (e) => e.isActive('bold'),
			run: (e) => e.chain().focus().toggleBold().run()
		},
		{
			id: 'italic',
			label: 'workspace.editor.italic',
			keys: 'Control+I',
			active: (e) => e.isActive('italic'),
			run: (e) => e.chain().focus().toggleItalic().run()
		},
		{
			id: 'bulletList',
			label: 'workspace.editor.bulletList',
			keys: 'Control+Shift+8',
			active: (e) => e.isActive('bulletList'),
			run: (e) => e.chain().focus().toggleBulletList().run()
		},
		{
			id: 'orderedList',
			label: 'workspace.editor.orderedList',
			keys: 'Control+Shift+7',
			active: (e) => e.isActive('orderedList'),
			run: (e) => e.chain().focus().toggleOrderedList().run()
		},
		{
			id: 'quote',
			label: 'workspace.editor.quote',
			keys: 'Control+Shift+B',
			active: (e) => e.isActive('blockquote'),
			run: (e) => e.chain().focus().toggleBlockquote().run()
		},
		{ id: 'link', label: 'workspace.editor.link', keys: 'Control+K', active: (e) => e.isActive('link'), run: openLink },
		{
			id: 'undo',
			label: 'workspace.editor.undo',
			keys: 'Control+Z',
			enabled: (e) => e.can().undo(),
			run: (e) => e.chain().focus().undo().run()
		},
		{
			id: 'redo',
			label: 'workspace.editor.redo',
			keys: 'Control+Shift+Z',
			enabled: (e) => e.can().redo(),
			run: (e) => e.chain().focus().redo().run()
		}
	];
}

/** Adds a scheme to a bare address ("voorbeeld.nl" → "https://voorbeeld.nl"); null when it is no web address. */
export function normaliseHref(input: string): string | null {
	const value = input.trim();
	if (!value) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
	try {
		const url = new URL(withScheme);
		if (url.protocol === 'mailto:') return url.href;
		// A web address needs a host with a dot: "https://verslag" is more likely a typo than a link.
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') ? url.href : null;
	} catch {
		return null;
	}
}

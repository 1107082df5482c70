import * as Y from 'yjs';

/**
 * Markdown from the Y.XmlFragment that Tiptap's Collaboration extension writes, for history,
 * diffs and export. Node and mark names are those of Tiptap's StarterKit; y-tiptap stores a
 * node's attributes as element attributes and marks as text formatting (overlapping marks with a
 * "--<hash>" suffix). Unknown nodes render their content, unknown marks (underline) nothing.
 */
export interface MarkdownOptions {
	/** Added to every heading level (capped at 6), to nest a text under the export's own headings. */
	headingOffset?: number;
}

interface Mark {
	name: string;
	href?: string;
}

const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'code'];
const HASHED_MARK = /--[a-zA-Z0-9+/=]{8}$/;

function marksOf(attributes: Record<string, unknown> | undefined): Mark[] {
	const marks: Mark[] = [];
	for (const [attribute, value] of Object.entries(attributes ?? {})) {
		const name = attribute.replace(HASHED_MARK, '');
		if (value === null || value === undefined || !MARK_ORDER.includes(name)) continue;
		const href = (value as { href?: unknown }).href;
		marks.push(name === 'link' ? { name, href: typeof href === 'string' ? href : '' } : { name });
	}
	return marks.sort((a, b) => MARK_ORDER.indexOf(a.name) - MARK_ORDER.indexOf(b.name));
}

const sameMark = (a: Mark, b: Mark) => a.name === b.name && a.href === b.href;

const OPEN: Record<string, string> = { link: '[', bold: '**', italic: '*', strike: '~~', code: '`' };
const opener = (mark: Mark) => OPEN[mark.name] as string;
const closer = (mark: Mark) => (mark.name === 'link' ? `](${mark.href ?? ''})` : opener(mark));

/** Text that must read literally in Markdown. */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]~]/g, '\\$&');

interface Segment {
	text: string;
	marks: Mark[];
	/** Markdown already (a hard break), written as is with all marks closed. */
	raw?: boolean;
}

type Delta = { insert?: unknown; attributes?: Record<string, unknown> }[];

function segments(nodes: readonly unknown[]): Segment[] {
	return nodes.flatMap((node): Segment[] => {
		if (node instanceof Y.XmlText) {
			return (node.toDelta() as Delta)
				.filter((op) => typeof op.insert === 'string')
				.map((op) => ({ text: op.insert as string, marks: marksOf(op.attributes) }));
		}
		if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') return [{ text: '\\\n', marks: [], raw: true }];
		if (node instanceof Y.XmlElement) return segments(node.toArray());
		return [];
	});
}

/** Inline content with marks nested properly and delimiters kept clear of spaces. */
function inline(nodes: readonly unknown[]): string {
	let out = '';
	let active: Mark[] = [];
	const closeFrom = (keep: number) => {
		const closing = active.slice(keep).reverse().map(closer).join('');
		const space = /\s*$/.exec(out)?.[0] ?? '';
		out = out.slice(0, out.length - space.length) + closing + space;
		active = active.slice(0, keep);
	};
	for (const segment of segments(nodes)) {
		if (segment.raw) {
			closeFrom(0);
			out += segment.text;
			continue;
		}
		let keep = 0;
		while (keep < active.length && segment.marks.some((mark) => sameMark(mark, active[keep] as Mark))) keep++;
		closeFrom(keep);
		const opening = /\S/.test(segment.text)
			? segment.marks.filter((mark) => !active.some((open) => sameMark(open, mark)))
			: [];
		const inCode = [...active, ...opening].some((mark) => mark.name === 'code');
		const text = inCode ? segment.text : escapeMarkdown(segment.text);
		const lead = /^\s*/.exec(text)?.[0] ?? '';
		out += lead + opening.map(opener).join('') + text.slice(lead.length);
		active = [...active, ...opening];
	}
	closeFrom(0);
	return out;
}

/** A paragraph that starts like block syntax must not turn into that block. */
function escapeBlockStart(text: string): string {
	if (/^(#{1,6}(\s|$)|>|[-+]\s)/.test(text)) return `\\${text}`;
	return text.replace(/^(\d+)([.)]\s)/, '$1\\$2');
}

function prefixLines(text: string, first: string, rest: string): string {
	return text
		.split('\n')
		.map((line, i) => (line === '' ? line : (i === 0 ? first : rest) + line))
		.join('\n')
		.replace(/^$/, first.trimEnd());
}

const LIST_NODES = ['bulletList', 'orderedList'];

function elements(parent: Y.XmlFragment | Y.XmlElement): (Y.XmlElement | Y.XmlText)[] {
	return parent.toArray().filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText);
}

function list(node: Y.XmlElement, marker: (index: number) => string, offset: number): string {
	return elements(node)
		.map((item, index) => {
			const children = item instanceof Y.XmlElement ? elements(item) : [item];
			// Inside an item a nested list follows directly; separate paragraphs keep a blank line.
			const body = children
				.map((child) => ({ child, text: block(child, offset) }))
				.filter(({ text }) => text !== '')
				.map(({ child, text }, i) =>
					i === 0 ? text : (child instanceof Y.XmlElement && LIST_NODES.includes(child.nodeName) ? '\n' : '\n\n') + text
				)
				.join('');
			const mark = marker(index);
			return prefixLines(body, mark, ' '.repeat(mark.length));
		})
		.join('\n');
}

function plainText(node: Y.XmlElement): string {
	return segments(node.toArray())
		.map((segment) => segment.text)
		.join('');
}

function block(node: Y.XmlElement | Y.XmlText, offset: number): string {
	if (node instanceof Y.XmlText) return escapeBlockStart(inline([node]));
	switch (node.nodeName) {
		case 'paragraph':
			return escapeBlockStart(inline(node.toArray()));
		case 'heading': {
			const text = inline(node.toArray());
			const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1) + offset);
			return text === '' ? '' : `${'#'.repeat(level)} ${text}`;
		}
		case 'bulletList':
			return list(node, () => '- ', offset);
		case 'orderedList': {
			const start = Number(node.getAttribute('start')) || 1;
			return list(node, (index) => `${start + index}. `, offset);
		}
		case 'blockquote':
			return prefixLines(blocks(node, offset), '> ', '> ').replace(/\n\n/g, '\n>\n');
		case 'codeBlock': {
			const language = node.getAttribute('language');
			return `\`\`\`${typeof language === 'string' ? language : ''}\n${plainText(node)}\n\`\`\``;
		}
		case 'horizontalRule':
			return '---';
		default:
			return blocks(node, offset);
	}
}

function blocks(parent: Y.XmlFragment | Y.XmlElement, offset: number): string {
	return elements(parent)
		.map((node) => block(node, offset))
		.filter((text) => text !== '')
		.join('\n\n');
}

/** The rich text as Markdown; an empty document (one empty paragraph) gives ''. */
export function fragmentToMarkdown(fragment: Y.XmlFragment, options: MarkdownOptions = {}): string {
	return blocks(fragment, options.headingOffset ?? 0);
}

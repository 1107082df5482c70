import type * as Y from 'yjs';
import {
	BUSINESS_CASE_FIELDS,
	CANVAS_LEVEL_LABELS,
	CANVAS_SECTIONS,
	fieldLabel,
	isStrategyKey,
	PRODUCTIVITY_STRATEGIES,
	type CanvasLevel,
	type InstrumentLocale
} from './business-case-fields';
import { fieldOf } from './canvases';
import { readString } from './layout';
import { escapeMarkdown, fragmentToMarkdown } from './markdown';

/** What the document cannot know: display names, supplied by the caller. */
export interface CanvasExportLabels {
	doetankName: string;
	/** The member's name, for a personal canvas. */
	ownerName?: string;
}

/** Field texts sit under headings of level 2 or 3: their own headings start at level 4. */
const FIELD_HEADING_OFFSET = 3;

function title(canvas: Y.Map<unknown>, labels: CanvasExportLabels): string {
	const level = canvas.get('level') as CanvasLevel;
	const detail = level === 'pilot' ? readString(canvas, 'name') : level === 'personal' ? (labels.ownerName ?? '') : '';
	return `# Business case: ${escapeMarkdown(labels.doetankName)}${detail ? ` – ${escapeMarkdown(detail)}` : ''}`;
}

/**
 * The whole canvas as Markdown, in canvas order, every field under its printed label; empty
 * fields keep their heading with nothing under it. Works on a canvas of any document version,
 * so history can diff two exports.
 */
export function businessCaseToMarkdown(
	canvas: Y.Map<unknown>,
	labels: CanvasExportLabels,
	locale: InstrumentLocale
): string {
	const level = canvas.get('level') as CanvasLevel;
	const parts = [title(canvas, labels)];
	const caption = CANVAS_LEVEL_LABELS[level]?.[locale];
	if (caption) parts.push(`*${caption}*`);
	for (const section of CANVAS_SECTIONS) {
		if (section.label) parts.push(`## ${section.label[locale]}`);
		const heading = section.label ? '###' : '##';
		for (const field of BUSINESS_CASE_FIELDS.filter((f) => f.section === section.key)) {
			parts.push(`${heading} ${fieldLabel(field, locale)}`);
			const strategy = field.key === 'productiviteitsstrategie' ? canvas.get('strategy') : null;
			if (isStrategyKey(strategy)) {
				parts.push(`**${PRODUCTIVITY_STRATEGIES.find((s) => s.key === strategy)?.label[locale]}**`);
			}
			const fragment = fieldOf(canvas, field.key);
			const text = fragment ? fragmentToMarkdown(fragment, { headingOffset: FIELD_HEADING_OFFSET }) : '';
			if (text) parts.push(text);
		}
	}
	return `${parts.join('\n\n')}\n`;
}

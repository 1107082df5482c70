import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { canvasOf, type CheckpointSubject } from '$lib/domain/governance/checkpoints';
import {
	businessCaseToMarkdown,
	canvasesMap,
	escapeMarkdown,
	fragmentToMarkdown,
	probleemdefinitie,
	readActions,
	type ActionSnapshot
} from '$lib/domain/workspace';
import type { RenderedSubject } from '../db/checkpoints';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Names the Markdown cannot know: the Doetank's and its members'. */
export interface RenderNames {
	doetankName: string;
	userName(id: string): string;
}

/** A business case subject whose canvas is not (or no longer) in the document. */
export class MissingCanvasError extends Error {}

/** The actielijst as a Markdown task list: done actions ticked, with who, when and whether it is under way. */
export function actionsToMarkdown(actions: readonly ActionSnapshot[], userName: (id: string) => string): string {
	return actions
		.map((a) => {
			const details = [a.ownerId ? userName(a.ownerId) : null, a.due, a.status === 'bezig' ? 'bezig' : null].filter(
				Boolean
			);
			const tail = details.length > 0 ? ` (${details.join(', ')})` : '';
			return `- [${a.status === 'klaar' ? 'x' : ' '}] ${escapeMarkdown(a.title)}${tail}`;
		})
		.join('\n');
}

function renderOne(doc: Y.Doc, subject: CheckpointSubject, names: RenderNames): string {
	if (subject === 'probleemdefinitie') return fragmentToMarkdown(probleemdefinitie(doc));
	if (subject === 'actielijst') return actionsToMarkdown(readActions(doc), names.userName);
	const canvas = canvasesMap(doc).get(canvasOf(subject) ?? '');
	if (!(canvas instanceof Y.Map)) throw new MissingCanvasError(subject);
	const owner = canvas.get('ownerId');
	// The frozen copy is a record in the method's language; the canvas labels are the instrument's Dutch.
	return businessCaseToMarkdown(
		canvas as Y.Map<unknown>,
		{ doetankName: names.doetankName, ownerName: typeof owner === 'string' ? names.userName(owner) : undefined },
		'nl'
	).trimEnd();
}

/** The selected artefacts as Markdown, one part per subject. */
export function renderSubjects(
	doc: Y.Doc,
	subjects: readonly CheckpointSubject[],
	names: RenderNames
): RenderedSubject[] {
	return subjects.map((subject) => ({ subject, markdown: renderOne(doc, subject, names) }));
}

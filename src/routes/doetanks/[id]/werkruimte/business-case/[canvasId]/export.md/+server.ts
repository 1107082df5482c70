import { businessCaseToMarkdown, canvasMap, readCanvas } from '$lib/domain/workspace';
import { canvasTitle, fileSlug } from '$lib/components/workspace/canvas/canvas-labels';
import { canvasNotFound, withStoredWorkspace } from '../../stored.server';
import type { RequestHandler } from './$types';

/** One canvas as a Markdown file: every field under its printed label, in canvas order. */
export const GET: RequestHandler = (event) =>
	withStoredWorkspace(event, (doc, { doetank, ownerName }) => {
		const id = event.params.canvasId;
		const canvas = readCanvas(doc, id) ?? canvasNotFound(event);
		const owner = canvas.ownerId ? ownerName(canvas.ownerId) : undefined;
		const markdown = businessCaseToMarkdown(
			canvasMap(doc, id),
			{ doetankName: doetank.name, ownerName: owner },
			event.locals.locale
		);
		const title = canvasTitle(canvas, event.locals.t, { meId: '', ownerName });
		return new Response(markdown, {
			headers: {
				'content-type': 'text/markdown; charset=utf-8',
				'content-disposition': `attachment; filename="business-case-${fileSlug(doetank.name)}-${fileSlug(title)}.md"`,
				'cache-control': 'private, no-store'
			}
		});
	});

import { businessCaseToMarkdown, canvasMap, NETWORK_CANVAS_ID } from '$lib/domain/workspace';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The network's business case as a Markdown file, from the stored document (every member may read it). */
export const GET: RequestHandler = api(async (event) => {
	const doc = await event.locals.services.history.currentNetwork(event.locals.user);
	try {
		const markdown = businessCaseToMarkdown(
			canvasMap(doc, NETWORK_CANVAS_ID),
			{ doetankName: event.locals.t('networkCanvas.subject') },
			event.locals.locale
		);
		return new Response(markdown, {
			headers: {
				'content-type': 'text/markdown; charset=utf-8',
				'content-disposition': 'attachment; filename="business-case-netwerk.md"',
				'cache-control': 'private, no-store'
			}
		});
	} finally {
		doc.destroy();
	}
});

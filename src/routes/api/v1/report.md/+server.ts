import { api, methodNotAllowed } from '$lib/server/http';
import { periodOf } from '$lib/server/report/period';
import type { RequestHandler } from './$types';

/** The report of a period as Markdown, in the user's language (the page's print and CSV have their own routes). */
export const GET: RequestHandler = api(async (event) => {
	const { locals } = event;
	locals.services.report.mayView(locals.user);
	const { filename, markdown } = await locals.services.report.markdown(
		locals.user,
		periodOf(event.url),
		locals.t,
		locals.locale
	);
	return new Response(markdown, {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
});

export const fallback = methodNotAllowed;

import { AppError } from '$lib/server/errors';
import { api } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Unknown API paths answer JSON like the rest of the API, not an HTML page. */
export const fallback: RequestHandler = api(async () => {
	throw new AppError('not_found', 'error.notFound');
});

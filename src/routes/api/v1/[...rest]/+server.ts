import { AppError } from '$lib/server/errors';
import { api } from '$lib/server/http';

/** Unknown API paths answer JSON like the rest of the API, not an HTML page. */
const notFound = api(async () => {
	throw new AppError('not_found', 'error.notFound');
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;

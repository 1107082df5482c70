import { error, fail, json, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Translate } from '$lib/i18n';
import { AppError } from './errors';
import { parseInput } from './parse';

function fieldsText(err: AppError, t: Translate) {
	if (!err.fields) return undefined;
	return Object.fromEntries(Object.entries(err.fields).map(([k, p]) => [k, t(p.key, p.params)]));
}

function missingText(err: AppError, t: Translate) {
	return err.missing?.map((m) => ({
		condition: m.key,
		label: t(m.label.key, m.label.params),
		explanation: t(m.explanation.key, m.explanation.params)
	}));
}

/** JSON error body of the automation API: `{ error: { code, message, fields?, missing? } }`. */
export function apiError(err: AppError, t: Translate): Response {
	return json(
		{
			error: {
				code: err.code,
				message: t(err.messageKey, err.params),
				fields: fieldsText(err, t),
				missing: missingText(err, t)
			}
		},
		{ status: err.status }
	);
}

/**
 * Wraps an API handler so that service errors become JSON with the right status. Generic over the
 * route's own event (`export const GET: RequestHandler = api(...)` with `./$types`), so params are typed.
 */
export function api<E extends RequestEvent>(handler: (event: E) => Promise<Response>) {
	return async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (err) {
			if (err instanceof AppError) return apiError(err, event.locals.t);
			throw err;
		}
	};
}

/** Every API route exports this as `fallback`, so a wrong method gets the API's JSON error too. */
export const methodNotAllowed = api(async () => {
	throw new AppError('method_not_allowed', 'error.methodNotAllowed');
});

/**
 * Reads and validates a JSON body of a route that needs a logged-in user: a logged-out request is
 * answered 401 before its body is judged, so nobody learns a route's input rules without an account.
 */
export async function readBody<S extends z.ZodType>(
	event: Pick<RequestEvent, 'request' | 'locals'>,
	schema: S
): Promise<z.output<S>> {
	requireActor(event);
	return readPublicBody(event, schema);
}

/** Reads and validates a JSON body (login, registration); malformed JSON is a 400, an oversized body 413, schema failures a 422. */
export async function readPublicBody<S extends z.ZodType>(
	event: Pick<RequestEvent, 'request'>,
	schema: S
): Promise<z.output<S>> {
	let body: unknown;
	try {
		body = await event.request.json();
	} catch (err) {
		// The adapter errors the body stream with status 413 past BODY_SIZE_LIMIT.
		if ((err as { status?: unknown } | null)?.status === 413) throw new AppError('payload_too_large', 'error.tooLarge');
		throw new AppError('bad_request', 'error.badJson');
	}
	return parseInput(schema, body);
}

/** The logged-in actor, or a 401. */
export function requireActor(event: Pick<RequestEvent, 'locals'>): NonNullable<App.Locals['user']> {
	if (!event.locals.user) throw new AppError('unauthenticated', 'error.unauthenticated');
	return event.locals.user;
}

/** Runs a page load step; service errors become SvelteKit error pages in the user's language. */
export async function forPage<T>(event: RequestEvent, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (err) {
		if (err instanceof AppError)
			error(err.status, { message: event.locals.t(err.messageKey, err.params), code: err.code });
		throw err;
	}
}

/**
 * Runs a form action; service errors come back to the form with a message, per-field texts
 * and `context` (which form on the page it was, what was typed).
 */
export async function forForm<T, C extends Record<string, unknown> = Record<never, never>>(
	event: RequestEvent,
	work: () => Promise<T>,
	context: C = {} as C
): Promise<
	| T
	| ActionFailure<
			C & {
				message: string;
				fields: Record<string, string>;
				missing: { condition: string; label: string; explanation: string }[];
			}
	  >
> {
	try {
		return await work();
	} catch (err) {
		if (err instanceof AppError) {
			return fail(err.status, {
				...context,
				message: event.locals.t(err.messageKey, err.params),
				fields: fieldsText(err, event.locals.t) ?? {},
				missing: missingText(err, event.locals.t) ?? []
			});
		}
		throw err;
	}
}

/**
 * Page guard: sends a logged-out visitor to the login page and back afterwards; when their cookie
 * named a session that no longer exists, the login page says so.
 */
export function requireLogin(event: RequestEvent): NonNullable<App.Locals['user']> {
	if (!event.locals.user) {
		const ended = event.locals.sessionEnded ? '&ended=1' : '';
		redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}${ended}`);
	}
	return event.locals.user;
}

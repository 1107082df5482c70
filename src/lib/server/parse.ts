import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { AppError, type FieldProblem } from './errors';
import { nl } from '$lib/i18n/nl';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value = input;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/** Maps one zod issue to a message key, so errors read the same in forms and API, in either language. */
function describe(issue: z.core.$ZodIssue, input: unknown): FieldProblem {
	if (issue.message in nl) return { key: issue.message as MessageKey };
	switch (issue.code) {
		case 'invalid_type':
			return valueAt(input, issue.path) === undefined
				? { key: 'validation.required' }
				: { key: 'validation.wrongType' };
		case 'too_small':
			if (issue.origin === 'array') return { key: 'validation.tooFew', params: { min: Number(issue.minimum) } };
			return Number(issue.minimum) <= 1
				? { key: 'validation.required' }
				: { key: 'validation.tooShort', params: { min: Number(issue.minimum) } };
		case 'too_big':
			return issue.origin === 'array'
				? { key: 'validation.tooMany', params: { max: Number(issue.maximum) } }
				: { key: 'validation.tooLong', params: { max: Number(issue.maximum) } };
		case 'invalid_format':
			return issue.format === 'email' ? { key: 'validation.email' } : { key: 'validation.invalid' };
		case 'invalid_value':
			return { key: 'validation.choice' };
		default:
			return { key: 'validation.invalid' };
	}
}

/** Validates input against a schema; on failure throws a 422 AppError with one problem per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		throw new AppError('bad_request', 'error.badRequest', { detail: 'expected a JSON object' });
	}
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Record<string, FieldProblem> = {};
	for (const issue of result.error.issues) {
		const name = issue.path.length > 0 ? String(issue.path[0]) : '_';
		fields[name] ??= describe(issue, input);
	}
	throw new AppError('validation_failed', 'error.validation', {}, fields);
}

/** Turns a submitted form into the plain object the schemas expect. */
export function formToObject(
	form: FormData,
	options: { arrays?: string[]; booleans?: string[]; nullable?: string[] } = {}
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		if (options.arrays?.includes(key)) out[key] = form.getAll(key).map(String);
		else out[key] = String(form.get(key));
	}
	for (const key of options.arrays ?? []) out[key] ??= [];
	for (const key of options.booleans ?? []) out[key] = form.has(key);
	for (const key of options.nullable ?? []) if (out[key] === '') out[key] = null;
	return out;
}

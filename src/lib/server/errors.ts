import type { MessageKey, MessageParams } from '$lib/i18n';

export type ErrorCode =
	| 'bad_request'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'method_not_allowed'
	| 'conflict'
	| 'gate_closed'
	| 'validation_failed'
	| 'payload_too_large'
	| 'too_many_requests';

const STATUS: Record<ErrorCode, number> = {
	bad_request: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	method_not_allowed: 405,
	conflict: 409,
	gate_closed: 409,
	validation_failed: 422,
	payload_too_large: 413,
	too_many_requests: 429
};

/** A field problem, as a message key so it can be shown in the user's language. */
export interface FieldProblem {
	key: MessageKey;
	params?: MessageParams;
}

/** A condition that stands in the way (a closed gate), with what it asks and what to do about it. */
export interface MissingCondition {
	key: string;
	label: FieldProblem;
	explanation: FieldProblem;
}

/** An expected failure of a service call; routes turn it into a page error or JSON. */
export class AppError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		readonly messageKey: MessageKey,
		readonly params: MessageParams = {},
		readonly fields?: Record<string, FieldProblem>,
		readonly missing?: MissingCondition[]
	) {
		super(`${code}: ${messageKey}`);
		this.status = STATUS[code];
	}
}

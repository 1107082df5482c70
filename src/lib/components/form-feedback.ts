/** What a form action sends back to its page: a message, per-field texts and echoed values. */
export interface FormFeedback {
	message?: string;
	success?: string;
	fields?: Record<string, string>;
	values?: Record<string, unknown>;
	name?: string;
	email?: string;
}

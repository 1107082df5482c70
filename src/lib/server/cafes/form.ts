import type { CafeForm } from '$lib/domain/instruments/cafe-evaluatie';

/**
 * The evaluation form as submitted by a browser, turned into the shape the API takes. Field names:
 * `<question>` (open text, grade, choice), `<question>.text` (the "namelijk" box of a choice),
 * `<question>.<key>` (a box of a pair, a row of the attention grid), `<question>.rank.<item>` and
 * `<question>.writeIn.<item>` (ranking), `contact.<field>`. Empty fields are left out.
 */
export function evaluationFromForm(
	data: FormData,
	form: CafeForm
): { answers: Record<string, unknown>; contact: Record<string, string> } {
	const get = (name: string) => String(data.get(name) ?? '').trim();
	const number = (name: string) => (get(name) === '' ? undefined : Number(get(name)));
	const collect = (names: readonly string[], value: (name: string) => unknown) => {
		const entries = names.map((n) => [n, value(n)] as const).filter(([, v]) => v !== undefined && v !== '');
		return entries.length > 0 ? Object.fromEntries(entries) : undefined;
	};
	const answers: Record<string, unknown> = {};
	let contact: Record<string, string> = {};
	for (const q of form.questions) {
		const at = (suffix: string) => `${q.id}.${suffix}`;
		let value: unknown;
		switch (q.type) {
			case 'open_text':
				value = get(q.id) || undefined;
				break;
			case 'rapportcijfer':
				value = number(q.id);
				break;
			case 'single_choice':
				value = get(q.id) ? { choice: get(q.id), ...(get(at('text')) ? { text: get(at('text')) } : {}) } : undefined;
				break;
			case 'open_text_pair':
				value = collect(
					q.fields.map((f) => f.key),
					(key) => get(at(key))
				);
				break;
			case 'attention_grid':
				value = collect(q.rows, (row) => get(at(row)));
				break;
			case 'ranking': {
				const ranks = collect(
					q.items.map((i) => i.key),
					(key) => number(at(`rank.${key}`))
				);
				const writeIns = collect(
					q.items.filter((i) => i.writeIn).map((i) => i.key),
					(key) => get(at(`writeIn.${key}`))
				);
				value = ranks || writeIns ? { ranks: ranks ?? {}, ...(writeIns ? { writeIns } : {}) } : undefined;
				break;
			}
			case 'contact':
				contact = Object.fromEntries(q.fields.map((f) => [f.key, get(`contact.${f.key}`)]));
				break;
		}
		if (value !== undefined) answers[q.id] = value;
	}
	return { answers, contact };
}

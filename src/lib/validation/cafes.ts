import { z } from 'zod';
import type { CafeForm, Question } from '$lib/domain/instruments/cafe-evaluatie';
import { LIMITS, day, id, text } from './fields';

export const CAFE_LIMITS = { title: 120, doetanks: 50, invitation: 400, phone: 40 } as const;

export const CafeInput = z.object({
	title: text(CAFE_LIMITS.title),
	day,
	doetankIds: z
		.array(id)
		.min(1)
		.max(CAFE_LIMITS.doetanks)
		.transform((ids) => [...new Set(ids)]),
	grandCafe: z.boolean().default(false)
});
export type CafeInput = z.infer<typeof CafeInput>;

/** Joining a café: its code, which participating Doetank (when one has several), or an invitation link or token. */
export const JoinInput = z.object({
	code: z.string().trim().min(1).max(20),
	doetankId: id.optional(),
	invitation: z.string().trim().max(CAFE_LIMITS.invitation).optional()
});
export type JoinInput = z.infer<typeof JoinInput>;

const free = z.string().trim().max(LIMITS.text).optional();
const keysOf = (list: readonly { key: string }[]) => list.map((o) => o.key) as [string, ...string[]];

function questionSchema(q: Question): z.ZodType | null {
	switch (q.type) {
		case 'open_text':
			return free;
		case 'open_text_pair':
			return z.object(Object.fromEntries(q.fields.map((f) => [f.key, free]))).optional();
		case 'single_choice':
			return z.object({ choice: z.enum(keysOf(q.options)), text: free }).optional();
		case 'ranking': {
			const listed = q.items.filter((i) => !i.writeIn).map((i) => i.key);
			return (
				z
					.object({
						ranks: z.object(
							Object.fromEntries(q.items.map((i) => [i.key, z.number().int().min(1).max(q.ranks).optional()]))
						),
						writeIns: z
							.object(Object.fromEntries(q.items.filter((i) => i.writeIn).map((i) => [i.key, free])))
							.optional()
					})
					// Each listed function gets its own priority (instrument note on question 8).
					.refine((r) => {
						const given = listed.map((k) => r.ranks[k]).filter((v) => v !== undefined);
						return new Set(given).size === given.length;
					}, 'validation.uniqueRanks')
					.optional()
			);
		}
		case 'attention_grid':
			return z.object(Object.fromEntries(q.rows.map((row) => [row, z.enum(keysOf(q.columns)).optional()]))).optional();
		case 'rapportcijfer':
			return z.number().int().min(1).max(10).optional();
		case 'contact':
			return null;
	}
}

/** The evaluation of one café form; contact details (Grand Café question 11) travel apart from the answers. */
export function cafeEvaluationInput(form: CafeForm) {
	const shape = Object.fromEntries(
		form.questions.flatMap((q) => {
			const schema = questionSchema(q);
			return schema ? [[q.id, schema]] : [];
		})
	);
	return z.object({
		answers: z.object(shape),
		contact: z
			.object({
				naam: z.string().trim().max(LIMITS.name).default(''),
				telefoonnummer: z.string().trim().max(CAFE_LIMITS.phone).default(''),
				emailadres: z
					.string()
					.trim()
					.max(LIMITS.email)
					.refine((v) => v === '' || z.email().safeParse(v).success, 'validation.email')
					.default('')
			})
			.optional()
	});
}

/** An evaluation parsed against its café's form (`cafeEvaluationInput`). */
export type CafeEvaluation = z.output<ReturnType<typeof cafeEvaluationInput>>;

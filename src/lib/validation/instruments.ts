import { z } from 'zod';
import { MOMENTS, TOPIC_IDS, type Moment, type TopicId } from '$lib/domain/instruments/logboek-matrix';
import { ANSWER_SCALES, ITEMS } from '$lib/domain/instruments/vragenlijst';
import { LIMITS, day, id, text } from './fields';

export const INSTRUMENT_LIMITS = { waveName: 120, remarks: 4000, contactName: 120, doetanks: 500 } as const;

export const WaveInput = z.object({
	name: text(INSTRUMENT_LIMITS.waveName),
	closesOn: day,
	doetankIds: z
		.array(id)
		.min(1)
		.max(INSTRUMENT_LIMITS.doetanks)
		.transform((ids) => [...new Set(ids)])
});
export type WaveInput = z.infer<typeof WaveInput>;

/** Every coded item of sections 1-7: an integer in the item's range, or null / absent when missing. */
const answerShape = Object.fromEntries(
	ITEMS.flatMap((item) => {
		const scale = ANSWER_SCALES[item.answerScale];
		return 'min' in scale ? [[item.id, z.number().int().min(scale.min).max(scale.max).nullable().optional()]] : [];
	})
);

export const QuestionnaireResponseInput = z.object({
	doetankId: id,
	answers: z
		.object(answerShape)
		.refine((a) => Object.values(a).some((v) => typeof v === 'number'), 'validation.noAnswers'),
	remarks: z.string().trim().max(INSTRUMENT_LIMITS.remarks).default(''),
	contactName: z.string().trim().max(INSTRUMENT_LIMITS.contactName).default('')
});
export type QuestionnaireResponseInput = z.infer<typeof QuestionnaireResponseInput>;

const reflection = z.string().trim().max(LIMITS.text).default('');

/** The logboek-matrix texts of one moment; topics not sent stay as they are. */
export const LogboekInput = z.object({
	moment: z.enum(MOMENTS.map((m) => m.key) as [Moment, ...Moment[]]),
	entries: z
		.array(
			z.object({ topicId: z.enum(TOPIC_IDS as [TopicId, ...TopicId[]]), stimulerend: reflection, remmend: reflection })
		)
		.max(TOPIC_IDS.length)
});
export type LogboekInput = z.infer<typeof LogboekInput>;

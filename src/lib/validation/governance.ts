import { z } from 'zod';
import { AGREEMENT_TEXT_FIELDS, type AgreementTextField } from '$lib/domain/governance/agreement';
import { isSubject, normaliseSubjects, type CheckpointSubject } from '$lib/domain/governance/checkpoints';
import { missingFields } from '$lib/domain/governance/phases';
import { STOP_REASONS } from '$lib/domain/governance/stop-reasons';
import { PHASES } from '$lib/domain/roles';
import { day, id, text } from './fields';

/** Limits of the governance texts (documented in docs/api.md). */
export const GOVERNANCE_LIMITS = {
	agreementText: 4000,
	besluitvormer: 200,
	transitionText: 2000,
	checkpointTitle: 200,
	subjects: 20,
	comment: 4000,
	inboxIds: 200
} as const;

/** Optional free text: trimmed, '' when left out. */
const optionalText = (max: number) => z.string().trim().max(max).default('');

/**
 * A move to another phase. Which texts are required depends on the target (stopping, completing)
 * and on an override; that rule is the domain's (`missingFields`), reported per field.
 */
export const TransitionInput = z
	.object({
		to: z.enum(PHASES),
		reasonCategory: z.enum(STOP_REASONS).nullable().default(null),
		explanation: optionalText(GOVERNANCE_LIMITS.transitionText),
		resultSummary: optionalText(GOVERNANCE_LIMITS.transitionText),
		override: z.boolean().default(false),
		justification: optionalText(GOVERNANCE_LIMITS.transitionText)
	})
	.superRefine((value, ctx) => {
		for (const field of missingFields(value.to, value))
			ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
	});
export type TransitionInput = z.infer<typeof TransitionInput>;

const agreementTexts = Object.fromEntries(
	AGREEMENT_TEXT_FIELDS.map((f) => [
		f,
		optionalText(f === 'besluitvormer' ? GOVERNANCE_LIMITS.besluitvormer : GOVERNANCE_LIMITS.agreementText)
	])
) as Record<AgreementTextField, ReturnType<typeof optionalText>>;

/** A save of the agreement: the version it was based on (0: the first save) and the whole content. */
export const AgreementInput = z.object({
	version: z.number().int().min(0),
	...agreementTexts,
	opdrachtgeverDecides: z.boolean().default(false)
});
export type AgreementInput = z.infer<typeof AgreementInput>;

/** The opdrachtgever confirms the version they read. */
export const ConfirmAgreementInput = z.object({ version: z.number().int().min(1) });
export type ConfirmAgreementInput = z.infer<typeof ConfirmAgreementInput>;

const subjects = z
	.array(z.string().refine(isSubject, 'validation.choice'))
	.min(1)
	.max(GOVERNANCE_LIMITS.subjects)
	.transform((list) => normaliseSubjects(list as CheckpointSubject[]));

export const CheckpointInput = z.object({
	title: text(GOVERNANCE_LIMITS.checkpointTitle),
	plannedDay: day,
	subjects
});
export type CheckpointInput = z.infer<typeof CheckpointInput>;

/** Asking for changes needs a comment: the team must know what to change. */
export const ReviewInput = z
	.object({
		decision: z.enum(['approve', 'request_changes']),
		comment: optionalText(GOVERNANCE_LIMITS.comment)
	})
	.refine((v) => v.decision === 'approve' || v.comment !== '', { path: ['comment'], message: 'validation.required' });
export type ReviewInput = z.infer<typeof ReviewInput>;

/** Marks items of the own inbox as read: the listed ones, or all. */
export const InboxReadInput = z
	.object({ ids: z.array(id).min(1).max(GOVERNANCE_LIMITS.inboxIds).optional(), all: z.literal(true).optional() })
	.refine((v) => (v.ids === undefined) !== (v.all === undefined), { path: ['ids'], message: 'validation.inboxRead' });
export type InboxReadInput = z.infer<typeof InboxReadInput>;

export const SubmissionRoundInput = z.object({ round: z.coerce.number().int().min(1).max(10_000) });

import { z } from 'zod';
import { NETWORK_ROLES } from '$lib/domain/roles';
import { LIMITS, day, doetankRoles, email, id, lidType, newPassword, text } from './fields';

export const RegisterInput = z.object({
	email,
	name: text(LIMITS.name),
	password: newPassword,
	invitation: z.string().max(200).optional()
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z.object({
	email,
	password: z.string().min(1).max(LIMITS.passwordMax)
});
export type LoginInput = z.infer<typeof LoginInput>;

export const ChangePasswordInput = z
	.object({
		currentPassword: z.string().min(1).max(LIMITS.passwordMax),
		newPassword,
		confirmPassword: z.string().min(1).max(LIMITS.passwordMax)
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		path: ['confirmPassword'],
		message: 'validation.passwordsDiffer'
	})
	.refine((v) => v.newPassword !== v.currentPassword, {
		path: ['newPassword'],
		message: 'validation.samePassword'
	});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const DoetankInput = z.object({
	name: text(LIMITS.doetankName),
	onderwerp: text(LIMITS.text),
	beoogdDoel: text(LIMITS.text)
});
export type DoetankInput = z.infer<typeof DoetankInput>;

export const MembershipInput = z.object({
	roles: doetankRoles,
	lidType,
	directStake: z.boolean().default(false)
});
export type MembershipInput = z.infer<typeof MembershipInput>;

export const AddMemberInput = MembershipInput.extend({ email });
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const InvitationInput = z.object({ roles: doetankRoles, lidType });
export type InvitationInput = z.infer<typeof InvitationInput>;

export const NetworkRoleInput = z.object({ networkRole: z.enum(NETWORK_ROLES) });
export type NetworkRoleInput = z.infer<typeof NetworkRoleInput>;

/** A day of a Doetank's version history. */
export const HistoryDayInput = z.object({ day });
export type HistoryDayInput = z.infer<typeof HistoryDayInput>;

/** A frozen terugkoppelmoment submission in a Doetank's version history. */
export const HistorySubmissionInput = z.object({ submissionId: id });
export type HistorySubmissionInput = z.infer<typeof HistorySubmissionInput>;

/** A version in a Doetank's history (automatic or named). */
export const HistoryVersionInput = z.object({ versionId: id });
export type HistoryVersionInput = z.infer<typeof HistoryVersionInput>;

/** A writer names the document as it is now, e.g. "vóór de café-sessie". */
export const NamedVersionInput = z.object({ name: text(LIMITS.versionName) });
export type NamedVersionInput = z.infer<typeof NamedVersionInput>;

/** A writer renames a named version. */
export const RenameVersionInput = HistoryVersionInput.extend(NamedVersionInput.shape);
export type RenameVersionInput = z.infer<typeof RenameVersionInput>;

import { z } from 'zod';
import { isDay } from '$lib/domain/calendar';
import { DOETANK_ROLES, LID_TYPES } from '$lib/domain/roles';

/** Limits shared by forms, API and database writes (documented in docs/api.md). */
export const LIMITS = {
	name: 80,
	email: 254,
	passwordMin: 10,
	passwordMax: 200,
	doetankName: 120,
	text: 2000,
	versionName: 80,
	roles: DOETANK_ROLES.length
} as const;

export const text = (max: number) => z.string().trim().min(1).max(max);

export const email = z.string().trim().toLowerCase().max(LIMITS.email).pipe(z.email());

export const newPassword = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const doetankRoles = z
	.array(z.enum(DOETANK_ROLES))
	.min(1)
	.max(LIMITS.roles)
	.transform((roles) => [...new Set(roles)]);

export const lidType = z.enum(LID_TYPES).nullable().default(null);

export const id = z.string().regex(/^[a-z0-9_-]{1,64}$/i);

/** A calendar day written as 'YYYY-MM-DD'. */
export const day = z.string().refine(isDay, 'validation.day');

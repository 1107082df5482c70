import { z } from 'zod';
import { LIMITS } from './fields';

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The thresholds of the risk signals (see DEFAULT_SIGNAL_SETTINGS); form values arrive as text, hence coerce. */
export const SignalSettingsInput = z.object({
	probleemdefinitieWeeks: whole(1, 52),
	inactiveDays: whole(1, 365),
	activeWindowDays: whole(1, 365),
	minActiveCore: whole(1, 8),
	maxPhaseMonths: whole(1, 36)
});
export type SignalSettingsInput = z.infer<typeof SignalSettingsInput>;

/** The coach's "bijzonderheden" of a Doetank in the network overview; empty clears it. */
export const NoteInput = z.object({ bijzonderheden: z.string().trim().max(LIMITS.text) });
export type NoteInput = z.infer<typeof NoteInput>;

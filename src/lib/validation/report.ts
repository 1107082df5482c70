import { z } from 'zod';
import { day } from './fields';

/** The period of the Meten & Monitoren report: two Dutch calendar days, both included. */
export const ReportPeriodInput = z
	.object({ from: day, to: day })
	.refine((p) => p.from <= p.to, { path: ['to'], message: 'validation.periodOrder' });
export type ReportPeriodInput = z.infer<typeof ReportPeriodInput>;

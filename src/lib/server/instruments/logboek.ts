import { can, type Actor } from '$lib/domain/policy';
import { filledPerMoment, sideBySide, type Moment } from '$lib/domain/instruments/logboek-matrix';
import type { LogboekInput } from '$lib/validation/instruments';
import { requireDoetank } from '../authz';
import type { Database } from '../db/client';
import { listEntries, saveEntries, type StoredEntry } from '../db/logboek';

export interface LogboekView {
	entries: StoredEntry[];
	view: ReturnType<typeof sideBySide>;
	filled: Record<Moment, number>;
	/** Who last wrote at each moment, and when. */
	lastEdit: Record<Moment, { name: string | null; at: number } | null>;
	canEdit: boolean;
}

/** The coach's logboek-matrix: coaches and admins read it, coaches write it; members never see it. */
export class LogboekService {
	constructor(private readonly db: Database) {}

	async view(actor: Actor | null, doetankId: string): Promise<LogboekView> {
		const { actor: me, roles } = await requireDoetank(this.db, actor, 'logboek.view', doetankId);
		const entries = await listEntries(this.db, doetankId);
		const last = (moment: Moment) =>
			entries
				.filter((e) => e.moment === moment)
				.reduce<{ name: string | null; at: number } | null>(
					(best, e) => (!best || e.updatedAt > best.at ? { name: e.updatedByName, at: e.updatedAt } : best),
					null
				);
		return {
			entries,
			view: sideBySide(entries),
			filled: filledPerMoment(entries),
			lastEdit: { begin: last('begin'), halverwege: last('halverwege'), eind: last('eind') },
			canEdit: can(me, 'logboek.edit', { roles })
		};
	}

	async save(actor: Actor | null, doetankId: string, input: LogboekInput): Promise<LogboekView> {
		const { actor: me } = await requireDoetank(this.db, actor, 'logboek.edit', doetankId);
		const { moment, entries } = input;
		if (entries.length > 0) await saveEntries(this.db, doetankId, moment, entries, me.id);
		return this.view(actor, doetankId);
	}
}

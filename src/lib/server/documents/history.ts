import * as Y from 'yjs';
import { dayIn, NETWORK_TIME_ZONE } from '$lib/domain/calendar';
import { statusOf, type CheckpointStatus } from '$lib/domain/governance/checkpoints';
import type { Actor } from '$lib/domain/policy';
import type { HistoryDayInput, HistorySubmissionInput } from '$lib/validation/schemas';
import { NETWORK_ROOM, prepareNetworkDocument } from '$lib/domain/workspace';
import { requireDoetank, requireNetwork } from '../authz';
import { doetankSubmissions, readSubmissionStateById } from '../db/checkpoints';
import type { Database } from '../db/client';
import { readHistoryIndex, readHistorySource } from '../db/doc-log';
import { userNames } from '../db/users';
import { AppError } from '../errors';
import { applyInOrder, loadStoredDocument } from './stored';

export interface HistoryDay {
	day: string;
	contributors: { id: string; name: string }[];
}

/** A submitted round of a terugkoppelmoment: the whole document frozen when it was submitted. */
export interface HistorySubmission {
	id: string;
	checkpointId: string;
	title: string;
	round: number;
	/** This round's own outcome: ingediend until reviewed. */
	status: CheckpointStatus;
	/** The Dutch calendar day of the submission, YYYY-MM-DD. */
	day: string;
	submittedAt: number;
	submittedBy: { id: string; name: string };
}

/**
 * The version history of a Doetank's document, one version per Dutch calendar day, rebuilt from
 * the sync server's day checkpoints plus the part of the update log not yet compacted, and one per
 * submitted terugkoppelmoment round, read as the governance feature froze it.
 */
export class HistoryService {
	constructor(
		private readonly db: Database,
		private readonly timeZone = NETWORK_TIME_ZONE
	) {}

	/** Days on which the document changed, newest first, with who edited. */
	async days(actor: Actor | null, doetankId: string): Promise<HistoryDay[]> {
		await requireDoetank(this.db, actor, 'workspace.read', doetankId);
		const index = await readHistoryIndex(this.db, doetankId);
		const byDay = new Map<string, Set<string>>();
		for (const c of index.checkpoints) byDay.set(c.day, new Set(c.contributors));
		for (const u of index.recent) {
			const day = dayIn(u.at, this.timeZone);
			const set = byDay.get(day) ?? new Set<string>();
			if (u.userId) set.add(u.userId);
			byDay.set(day, set);
		}
		const names = await userNames(this.db, [...new Set([...byDay.values()].flatMap((s) => [...s]))]);
		return [...byDay.entries()]
			.sort(([a], [b]) => b.localeCompare(a))
			.map(([day, ids]) => ({
				day,
				contributors: [...ids].filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! }))
			}));
	}

	/** The whole document as it was at the end of `day`, as one Yjs update. */
	async stateAt(actor: Actor | null, doetankId: string, { day }: HistoryDayInput): Promise<Uint8Array> {
		await requireDoetank(this.db, actor, 'workspace.read', doetankId);
		const source = await readHistorySource(this.db, doetankId, day);
		const doc = new Y.Doc({ gc: true });
		try {
			const updates = source.updates.filter((u) => dayIn(u.at, this.timeZone) <= day).map((u) => u.update);
			applyInOrder(doc, source.checkpoint ? [source.checkpoint.state, ...updates] : updates);
			return Y.encodeStateAsUpdate(doc);
		} finally {
			doc.destroy();
		}
	}

	/** Every frozen terugkoppelmoment submission, newest first. */
	async submissions(actor: Actor | null, doetankId: string): Promise<HistorySubmission[]> {
		await requireDoetank(this.db, actor, 'workspace.read', doetankId);
		const rows = await doetankSubmissions(this.db, doetankId);
		return rows.reverse().map((s) => ({
			id: s.id,
			checkpointId: s.checkpointId,
			title: s.checkpointTitle,
			round: s.round,
			status: statusOf([{ decision: s.review?.decision ?? null }]),
			day: dayIn(s.submittedAt, this.timeZone),
			submittedAt: s.submittedAt,
			submittedBy: s.submittedBy
		}));
	}

	/** The whole document exactly as it was frozen at one submission, as one Yjs update. */
	async submissionState(
		actor: Actor | null,
		doetankId: string,
		{ submissionId }: HistorySubmissionInput
	): Promise<Uint8Array> {
		await requireDoetank(this.db, actor, 'workspace.read', doetankId);
		const state = await readSubmissionStateById(this.db, doetankId, submissionId);
		if (!state) throw new AppError('not_found', 'error.roundNotFound');
		return state;
	}

	/**
	 * The document as it is now, for server-rendered views (print, Markdown export). The stored log
	 * is the live document: every update is durable before any client sees it. The caller destroys it.
	 */
	async current(actor: Actor | null, doetankId: string): Promise<Y.Doc> {
		await requireDoetank(this.db, actor, 'workspace.read', doetankId);
		return loadStoredDocument(this.db, doetankId);
	}

	/**
	 * The network document as it is now (its one canvas, level 5), for its export: every member
	 * reads it. Prepared in this copy only, so before anyone opened it there is an empty canvas.
	 */
	async currentNetwork(actor: Actor | null): Promise<Y.Doc> {
		requireNetwork(actor, 'networkCanvas.read');
		const doc = await loadStoredDocument(this.db, NETWORK_ROOM);
		prepareNetworkDocument(doc);
		return doc;
	}
}

import type { Actor } from '$lib/domain/policy';
import type { DoetankRole } from '$lib/domain/roles';
import { requireDoetank } from '../authz';
import { doetankSubmissions } from '../db/checkpoints';
import type { Database } from '../db/client';
import { listMembershipChanges, type MembershipChange } from '../db/membership-changes';
import { listTransitions, readAgreement, type TransitionRow } from '../db/governance';

type Who = { id: string; name: string };

/** One recorded governance event; all of them are append-only in the database. */
export type AuditEvent =
	| { type: 'transition'; at: number; actor: Who; transition: TransitionRow }
	| { type: 'agreement_confirmed'; at: number; actor: Who; version: number }
	| {
			type: 'membership';
			at: number;
			/** Null once that account is gone. */
			actor: Who | null;
			change: MembershipChange;
			member: Who | null;
			roles: DoetankRole[];
	  }
	| {
			type: 'checkpoint_submitted';
			at: number;
			actor: Who;
			checkpointId: string;
			title: string;
			round: number;
			sha256: string;
	  }
	| {
			type: 'checkpoint_reviewed';
			at: number;
			actor: Who;
			checkpointId: string;
			title: string;
			round: number;
			decision: 'approved' | 'changes_requested';
			comment: string;
			sha256: string;
	  };

/**
 * The governance record of one Doetank: transitions, confirmations, submissions, reviews and
 * membership changes, newest first.
 */
export class AuditService {
	constructor(private readonly db: Database) {}

	async events(actor: Actor | null, doetankId: string): Promise<AuditEvent[]> {
		await requireDoetank(this.db, actor, 'audit.view', doetankId);
		const [transitions, { confirmations }, submissions, memberships] = await Promise.all([
			listTransitions(this.db, doetankId),
			readAgreement(this.db, doetankId),
			doetankSubmissions(this.db, doetankId),
			listMembershipChanges(this.db, doetankId)
		]);
		const events: AuditEvent[] = [
			...memberships.map((m) => ({ type: 'membership' as const, ...m })),
			...transitions.map((t) => ({ type: 'transition' as const, at: t.at, actor: t.actor, transition: t })),
			...confirmations.map((c) => ({
				type: 'agreement_confirmed' as const,
				at: c.confirmedAt,
				actor: c.confirmedBy,
				version: c.version
			})),
			...submissions.flatMap((s): AuditEvent[] => {
				const about = { checkpointId: s.checkpointId, title: s.checkpointTitle, round: s.round };
				const submitted: AuditEvent = {
					type: 'checkpoint_submitted',
					at: s.submittedAt,
					actor: s.submittedBy,
					...about,
					sha256: s.sha256
				};
				if (!s.review) return [submitted];
				const r = s.review;
				return [
					submitted,
					{
						type: 'checkpoint_reviewed',
						at: r.reviewedAt,
						actor: r.reviewer,
						...about,
						decision: r.decision,
						comment: r.comment,
						sha256: r.snapshotSha256
					}
				];
			})
		];
		return events.sort((a, b) => b.at - a.at);
	}
}

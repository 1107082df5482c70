import { generateIdFromEntropySize } from 'lucia';
import { decideTransition, evaluateGate, type GateCondition, type GateReport } from '$lib/domain/governance/gates';
import { requiredFields, TRANSITIONS, type TransitionField } from '$lib/domain/governance/phases';
import { can, type Actor } from '$lib/domain/policy';
import type { Phase } from '$lib/domain/roles';
import type { TransitionInput } from '$lib/validation/governance';
import { requireDoetank, requireNetwork } from '../authz';
import type { Database } from '../db/client';
import {
	insertTransitionStatement,
	listTransitions,
	readGateFacts,
	recentTransitions,
	type TransitionRow
} from '../db/governance';
import { AppError, type MissingCondition } from '../errors';
import type { NotificationService } from '../notifications/service';
import { isAbort } from '../db/sql-errors';

export interface PhaseOption extends GateReport {
	/** Texts the move needs from the person making it. */
	requires: TransitionField[];
}

export interface PhaseOverview {
	phase: Phase;
	options: PhaseOption[];
	transitions: TransitionRow[];
	permissions: { propose: boolean; override: boolean };
}

const FEED_SIZE = 50;

const asMissing = (c: GateCondition): MissingCondition => ({
	key: c.key,
	label: { key: c.label },
	explanation: c.explanation
});

/** Phases and their gates: what is still missing, moving on, and the append-only timeline. */
export class PhaseService {
	constructor(
		private readonly db: Database,
		private readonly notifications: NotificationService
	) {}

	async overview(actor: Actor | null, doetankId: string): Promise<PhaseOverview> {
		const { actor: me, doetank, roles } = await requireDoetank(this.db, actor, 'doetank.view', doetankId);
		const facts = await readGateFacts(this.db, doetankId);
		return {
			phase: doetank.phase,
			options: TRANSITIONS[doetank.phase].map((to) => ({
				...evaluateGate(doetank.phase, to, facts),
				requires: requiredFields(to, false)
			})),
			transitions: await listTransitions(this.db, doetankId),
			permissions: { propose: can(me, 'phase.propose', { roles }), override: can(me, 'phase.override', { roles }) }
		};
	}

	/**
	 * Moves the Doetank when the move exists and its gate is open; an admin may pass a closed gate
	 * with a justification. A closed gate is refused with the list of what is missing.
	 */
	async transition(actor: Actor | null, doetankId: string, input: TransitionInput): Promise<TransitionRow> {
		const { actor: me, doetank, roles } = await requireDoetank(this.db, actor, 'phase.propose', doetankId);
		if (input.override && !can(me, 'phase.override', { roles }))
			throw new AppError('forbidden', 'error.overrideForbidden');
		const from = doetank.phase;
		const decision = decideTransition(from, input.to, await readGateFacts(this.db, doetankId), input.override);
		if (!decision.allowed && decision.reason === 'not_a_transition') {
			throw new AppError('conflict', 'error.notATransition', { from, to: input.to });
		}
		if (!decision.allowed) {
			throw new AppError(
				'gate_closed',
				'error.gateClosed',
				{ count: decision.report.missing.length },
				undefined,
				decision.report.missing.map(asMissing)
			);
		}
		const overridden = decision.overridden ? decision.report.missing.map((c) => c.key) : [];
		const event = {
			id: generateIdFromEntropySize(10),
			doetankId,
			from,
			to: input.to,
			actorId: me.id,
			at: Date.now(),
			reasonCategory: input.to === 'gestopt' ? input.reasonCategory : null,
			explanation: input.to === 'gestopt' ? input.explanation : null,
			resultSummary: input.to === 'afgerond' ? input.resultSummary : null,
			override: decision.overridden,
			justification: decision.overridden ? input.justification : null,
			overridden
		};
		const notices = await this.notifications.statementsFor(
			{
				doetankId,
				kind: 'phase_changed',
				params: { doetank: doetank.name, phase: input.to },
				link: `/doetanks/${doetankId}/fase`
			},
			null,
			me.id
		);
		try {
			await this.db.batch([insertTransitionStatement(event), ...notices], 'write');
		} catch (err) {
			if (isAbort(err, 'stale_phase')) throw new AppError('conflict', 'error.phaseChanged');
			throw err;
		}
		const row = (await listTransitions(this.db, doetankId)).find((t) => t.id === event.id);
		if (!row) throw new Error('transition not found after insert');
		return row;
	}

	/** Recent transitions across the network, for the coach's feed. */
	async feed(actor: Actor | null): Promise<(TransitionRow & { doetankName: string })[]> {
		requireNetwork(actor, 'transitions.feed');
		return recentTransitions(this.db, FEED_SIZE);
	}
}

import type { MessageKey, MessageParams } from '../../i18n';
import type { DoetankRole, Phase } from '../roles';
import { agreementState } from './agreement';
import { canvasOf, type CheckpointSubject } from './checkpoints';
import { isTransition } from './phases';

/** What the gates look at, gathered by the server from the database. */
export interface GateFacts {
	/** Every role held by someone in the Doetank. */
	roles: readonly DoetankRole[];
	agreement: {
		/** Current version of the record; 0 when it was never saved. */
		version: number;
		/** The latest confirmed version and what it says about the besluitvormer. */
		confirmed: { version: number; besluitvormer: string; opdrachtgeverDecides: boolean } | null;
	};
	/** Subjects of every approved terugkoppelmoment. */
	approved: readonly CheckpointSubject[];
}

export type GateConditionKey = 'opdrachtgever' | 'besluitvormer' | 'agreement' | 'probleemdefinitie' | 'businessCase';

export interface Explanation {
	key: MessageKey;
	params?: MessageParams;
}

export interface GateCondition {
	key: GateConditionKey;
	met: boolean;
	/** What the condition asks for. */
	label: MessageKey;
	/** Why it is met, or what to do to meet it. */
	explanation: Explanation;
}

const condition = (key: GateConditionKey, met: boolean, explanation: Explanation): GateCondition => ({
	key,
	met,
	label: `gate.${key}.label`,
	explanation
});

function opdrachtgever(facts: GateFacts): GateCondition {
	const met = facts.roles.includes('opdrachtgever');
	return condition('opdrachtgever', met, { key: met ? 'gate.opdrachtgever.met' : 'gate.opdrachtgever.missing' });
}

/** Named as a member, in the confirmed agreement, or the opdrachtgever confirmed deciding themself. */
function besluitvormer(facts: GateFacts): GateCondition {
	const confirmed = facts.agreement.confirmed;
	if (facts.roles.includes('besluitvormer'))
		return condition('besluitvormer', true, { key: 'gate.besluitvormer.member' });
	if (confirmed?.opdrachtgeverDecides)
		return condition('besluitvormer', true, { key: 'gate.besluitvormer.opdrachtgever' });
	const name = confirmed?.besluitvormer.trim() ?? '';
	if (name !== '') return condition('besluitvormer', true, { key: 'gate.besluitvormer.agreement', params: { name } });
	return condition('besluitvormer', false, { key: 'gate.besluitvormer.missing' });
}

function agreement(facts: GateFacts): GateCondition {
	const { version, confirmed } = facts.agreement;
	const state = agreementState(version, confirmed?.version ?? null);
	const params = { version, confirmed: confirmed?.version ?? 0 };
	return condition('agreement', state === 'confirmed', { key: `gate.agreement.${state}`, params });
}

function approved(key: 'probleemdefinitie' | 'businessCase', facts: GateFacts): GateCondition {
	const met = facts.approved.some((s) => (key === 'businessCase' ? canvasOf(s) !== null : s === key));
	return condition(key, met, { key: met ? `gate.${key}.met` : `gate.${key}.missing` });
}

/** The conditions of the gate into `to`; moves without a gate (stopping, completing) have none. */
const GATES: Partial<Record<Phase, (facts: GateFacts) => GateCondition[]>> = {
	fase_1: (f) => [opdrachtgever(f), besluitvormer(f), agreement(f), approved('probleemdefinitie', f)],
	fase_2: (f) => [approved('businessCase', f)]
};

export interface GateReport {
	from: Phase;
	to: Phase;
	open: boolean;
	conditions: GateCondition[];
	missing: GateCondition[];
}

/** Every condition of the gate from `from` to `to`, met or not; only call it for real transitions. */
export function evaluateGate(from: Phase, to: Phase, facts: GateFacts): GateReport {
	const conditions = GATES[to]?.(facts) ?? [];
	const missing = conditions.filter((c) => !c.met);
	return { from, to, open: missing.length === 0, conditions, missing };
}

export type TransitionDecision =
	| { allowed: true; report: GateReport; overridden: boolean }
	| { allowed: false; reason: 'not_a_transition' }
	| { allowed: false; reason: 'gate_closed'; report: GateReport };

/**
 * Whether the Doetank may move: the move must exist in the phase model, and its gate must be open
 * unless an override (which only admins may ask for) sets the missing conditions aside.
 */
export function decideTransition(from: Phase, to: Phase, facts: GateFacts, override = false): TransitionDecision {
	if (!isTransition(from, to)) return { allowed: false, reason: 'not_a_transition' };
	const report = evaluateGate(from, to, facts);
	if (report.open) return { allowed: true, report, overridden: false };
	if (override) return { allowed: true, report, overridden: true };
	return { allowed: false, reason: 'gate_closed', report };
}

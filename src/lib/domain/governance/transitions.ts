import type { Phase } from '../roles';
import type { GateConditionKey } from './gates';
import type { StopReason } from './stop-reasons';

/** One recorded phase transition; the record is append-only. */
export interface PhaseTransition {
	id: string;
	doetankId: string;
	from: Phase;
	to: Phase;
	actor: { id: string; name: string };
	at: number;
	reasonCategory: StopReason | null;
	explanation: string | null;
	resultSummary: string | null;
	override: boolean;
	justification: string | null;
	/** Gate conditions an admin's override set aside. */
	overridden: GateConditionKey[];
}

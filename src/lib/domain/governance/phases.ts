import type { Phase } from '../roles';

/**
 * The phase model: forward through fase 0-2, completing after something was tried (fase 1 or 2),
 * stopping from any running phase. Afgerond and gestopt are final.
 */
export const TRANSITIONS: Readonly<Record<Phase, readonly Phase[]>> = {
	fase_0: ['fase_1', 'gestopt'],
	fase_1: ['fase_2', 'afgerond', 'gestopt'],
	fase_2: ['afgerond', 'gestopt'],
	afgerond: [],
	gestopt: []
};

export function isTransition(from: Phase, to: Phase): boolean {
	return TRANSITIONS[from].includes(to);
}

/** What the person moving the Doetank must write, besides the gate's conditions. */
export type TransitionField = 'reasonCategory' | 'explanation' | 'resultSummary' | 'justification';

export interface TransitionInput {
	reasonCategory?: string | null;
	explanation?: string | null;
	resultSummary?: string | null;
	/** Set when an admin overrides a closed gate. */
	override?: boolean;
	justification?: string | null;
}

/** Stopping needs a reason and an explanation, completing a result summary, an override its justification. */
export function requiredFields(to: Phase, override: boolean): TransitionField[] {
	const fields: TransitionField[] = [];
	if (to === 'gestopt') fields.push('reasonCategory', 'explanation');
	if (to === 'afgerond') fields.push('resultSummary');
	if (override) fields.push('justification');
	return fields;
}

const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

export function missingFields(to: Phase, input: TransitionInput): TransitionField[] {
	return requiredFields(to, input.override === true).filter((field) => !filled(input[field]));
}

import {
	ATTENTION_COLUMNS,
	CAFE_FUNCTIONS,
	type AttentionColumn,
	type CafeFunction,
	type CafeForm,
	type Option,
	type Question
} from './cafe-evaluatie';
import { mean } from './vragenlijst-scoring';

/** The answer to one question, by question type (contact details are never part of it). */
export type CafeAnswer =
	| string
	| number
	| { choice: string; text?: string }
	| { ranks: Partial<Record<string, number>>; writeIns?: Partial<Record<string, string>> }
	| Partial<Record<string, string>>;

/** One attendee's answers: question id → answer; an unanswered question is absent. */
export type CafeAnswers = Partial<Record<string, CafeAnswer>>;

const isChoice = (a: CafeAnswer | undefined): a is { choice: string; text?: string } =>
	typeof a === 'object' && a !== null && typeof (a as { choice?: unknown }).choice === 'string';

const isRanking = (
	a: CafeAnswer | undefined
): a is { ranks: Partial<Record<string, number>>; writeIns?: Partial<Record<string, string>> } =>
	typeof a === 'object' && a !== null && typeof (a as { ranks?: unknown }).ranks === 'object';

/** Mean rapportcijfer of the form's overall grade question over those who gave one. */
export function gradeMean(form: CafeForm, responses: readonly CafeAnswers[]): { mean: number | null; n: number } {
	const grades = responses.map((r) => r[form.gradeQuestion]).filter((g): g is number => typeof g === 'number');
	return { mean: mean(grades), n: grades.length };
}

export interface FunctionRank {
	key: CafeFunction;
	/** Mean priority, 1 = most important; null when nobody ranked it. */
	meanRank: number | null;
	n: number;
	/** How many put it first. */
	firstPlaces: number;
}

/**
 * B7 question 8: the five café functions ordered by mean priority (most important first; ties by
 * more first places, then the printed order). The report printed one combined priority per
 * function without saying how; the mean rank is the simplest reading.
 */
export function functionRanking(
	questionId: string,
	responses: readonly CafeAnswers[]
): { ranking: FunctionRank[]; writeIns: { text: string; rank: number | null }[] } {
	const rankings = responses.map((r) => r[questionId]).filter(isRanking);
	const ranking: FunctionRank[] = CAFE_FUNCTIONS.map((f) => {
		const ranks = rankings.map((r) => r.ranks[f.key]).filter((v): v is number => typeof v === 'number');
		return { key: f.key, meanRank: mean(ranks), n: ranks.length, firstPlaces: ranks.filter((v) => v === 1).length };
	});
	// Array.prototype.sort is stable: equal functions keep the printed order.
	ranking.sort((a, b) => (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity) || b.firstPlaces - a.firstPlaces);
	const writeIns = rankings.flatMap((r) =>
		Object.entries(r.writeIns ?? {})
			.filter(([, text]) => typeof text === 'string' && text.trim() !== '')
			.map(([key, text]) => ({ text: String(text).trim(), rank: r.ranks[key] ?? null }))
	);
	return { ranking, writeIns };
}

export interface AttentionRow {
	key: CafeFunction;
	counts: Record<AttentionColumn, number>;
	/** Mean of −1 (too little) / 0 / +1 (too much) over those with an opinion; null when none. */
	balance: number | null;
}

/** B7 question 9: per café function how many found its attention too little, just enough, too much. */
export function attentionGrid(questionId: string, responses: readonly CafeAnswers[]): AttentionRow[] {
	const grids = responses
		.map((r) => r[questionId])
		.filter(
			(a): a is Partial<Record<string, string>> => typeof a === 'object' && a !== null && !isChoice(a) && !isRanking(a)
		);
	return CAFE_FUNCTIONS.map((f) => {
		const counts = Object.fromEntries(ATTENTION_COLUMNS.map((c) => [c.key, 0])) as Record<AttentionColumn, number>;
		const codes: number[] = [];
		for (const grid of grids) {
			const column = ATTENTION_COLUMNS.find((c) => c.key === grid[f.key]);
			if (!column) continue;
			counts[column.key] += 1;
			if (column.code !== null) codes.push(column.code);
		}
		return { key: f.key, counts, balance: mean(codes) };
	});
}

const byText = (a: string, b: string) => a.localeCompare(b, 'nl');

/**
 * How often each option of a single-choice question was chosen, in the printed order, with the texts
 * written beside an option like "Ja, namelijk" (sorted, so their order links no answer to another).
 */
export function choiceCounts(
	questionId: string,
	options: readonly Option[],
	responses: readonly CafeAnswers[]
): { key: string; count: number; texts: string[] }[] {
	const chosen = responses.map((r) => r[questionId]).filter(isChoice);
	return options.map((o) => {
		const mine = chosen.filter((c) => c.choice === o.key);
		const texts = o.withText ? mine.map((c) => c.text?.trim() ?? '').filter((text) => text !== '') : [];
		return { key: o.key, count: mine.length, texts: texts.sort(byText) };
	});
}

/** The mean of the options' codes (e.g. "Doetanks als aanpak" 1-4), leaving out options without a code. */
export function choiceMean(
	questionId: string,
	options: readonly Option[],
	responses: readonly CafeAnswers[]
): number | null {
	const codes = responses
		.map((r) => r[questionId])
		.filter(isChoice)
		.map((c) => options.find((o) => o.key === c.choice)?.code)
		.filter((code): code is number => typeof code === 'number');
	return mean(codes);
}

/**
 * The non-empty answers to an open question; for a pair of boxes, which box (`field`) each came from.
 * Sorted by box and text, not by respondent: lists of different questions cannot be read side by
 * side to put one person's organisation, function and opinions together.
 */
export function openAnswers(
	question: Question,
	responses: readonly CafeAnswers[]
): { field: string | null; text: string }[] {
	const fieldOrder = (field: string | null) =>
		question.type === 'open_text_pair' ? question.fields.findIndex((f) => f.key === field) : 0;
	return responses
		.flatMap((r): { field: string | null; text: string }[] => {
			const answer = r[question.id];
			if (typeof answer === 'string') return answer.trim() ? [{ field: null, text: answer.trim() }] : [];
			if (question.type !== 'open_text_pair' || typeof answer !== 'object' || answer === null) return [];
			const pair = answer as Partial<Record<string, string>>;
			return question.fields.flatMap((f) => {
				const text = pair[f.key]?.trim();
				return text ? [{ field: f.key, text }] : [];
			});
		})
		.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field) || byText(a.text, b.text));
}

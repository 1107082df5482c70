import {
	ANSWER_SCALES,
	ITEMS,
	SCALES,
	SINGLE_QUESTIONS,
	scaleItems,
	type Item,
	type ItemId,
	type ScaleId,
	type SingleQuestionId
} from './vragenlijst';

/** One respondent's coded answers: item id → code. Absent or null is missing (unanswered, or 'niet van toepassing'). */
export type Answers = Partial<Record<ItemId, number | null>>;

/** Results of a group are shown only when at least this many members responded (and per figure, scored). */
export const MIN_RESPONDENTS = 3;

const byId = new Map<string, Item>(ITEMS.map((item) => [item.id, item]));

function range(item: Item): { min: number; max: number } | null {
	const scale = ANSWER_SCALES[item.answerScale];
	return 'min' in scale ? { min: scale.min, max: scale.max } : null;
}

/** The item's score: the code, recoded as (min + max) − code for a reverse-scored item; null when missing. */
export function itemScore(itemId: ItemId, answers: Answers): number | null {
	const item = byId.get(itemId);
	const value = answers[itemId];
	if (!item || value === null || value === undefined) return null;
	const bounds = range(item);
	if (!bounds || !Number.isInteger(value) || value < bounds.min || value > bounds.max) return null;
	return item.reverse ? bounds.min + bounds.max - value : value;
}

export function mean(values: readonly number[]): number | null {
	return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * A scale score is the mean of the answered items of the scale after recoding, and only exists
 * when at least half of the scale's items are answered.
 */
export function scaleScore(scaleId: ScaleId, answers: Answers): number | null {
	const items = scaleItems(scaleId);
	const scores = items.map((item) => itemScore(item.id, answers)).filter((s): s is number => s !== null);
	return scores.length * 2 >= items.length ? mean(scores) : null;
}

export interface ResponseScores {
	scales: Record<ScaleId, number | null>;
	single: Record<SingleQuestionId, number | null>;
}

export function scoreResponse(answers: Answers): ResponseScores {
	return {
		scales: Object.fromEntries(SCALES.map((s) => [s.id, scaleScore(s.id, answers)])) as ResponseScores['scales'],
		single: Object.fromEntries(
			SINGLE_QUESTIONS.map((q) => [q.id, itemScore(q.id, answers)])
		) as ResponseScores['single']
	};
}

/** A group figure: the mean over the respondents who have a score, null below the threshold. */
export interface Figure {
	mean: number | null;
	n: number;
}

export interface GroupResult {
	respondents: number;
	/** False below MIN_RESPONDENTS: then no figure is given at all. */
	visible: boolean;
	scales: Record<ScaleId, Figure>;
	single: Record<SingleQuestionId, Figure>;
}

function figure(values: (number | null)[], min: number): Figure {
	const present = values.filter((v): v is number => v !== null);
	return { mean: present.length >= min ? mean(present) : null, n: present.length };
}

/**
 * Group figures per Tabel 3: per scale the mean of the respondents' scale scores, per single
 * question the mean of the valid answers. Nothing is computed for fewer than `min` respondents,
 * and a figure that fewer than `min` respondents have a score for stays empty, so no figure can
 * be traced back to one or two people.
 */
export function aggregate(responses: readonly Answers[], min = MIN_RESPONDENTS): GroupResult {
	const visible = responses.length >= min;
	const scored = visible ? responses.map(scoreResponse) : [];
	return {
		respondents: responses.length,
		visible,
		scales: Object.fromEntries(
			SCALES.map((s) => [
				s.id,
				figure(
					scored.map((r) => r.scales[s.id]),
					min
				)
			])
		) as GroupResult['scales'],
		single: Object.fromEntries(
			SINGLE_QUESTIONS.map((q) => [
				q.id,
				figure(
					scored.map((r) => r.single[q.id]),
					min
				)
			])
		) as GroupResult['single']
	};
}

export interface ScaleChange {
	scaleId: ScaleId;
	before: number | null;
	after: number | null;
	/** after − before, when both exist. */
	change: number | null;
}

/** Before/after per scale, e.g. voormeting against nameting. */
export function compareWaves(before: GroupResult, after: GroupResult): ScaleChange[] {
	return SCALES.map((s) => {
		const b = before.scales[s.id].mean;
		const a = after.scales[s.id].mean;
		return { scaleId: s.id, before: b, after: a, change: a !== null && b !== null ? a - b : null };
	});
}

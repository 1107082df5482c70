/** Anything measured on a closed answer range, such as a vragenlijst scale (1–5, 1–7). */
export interface Ranged {
	min: number;
	max: number;
}

export interface RangeGroup<T extends Ranged> {
	min: number;
	max: number;
	items: T[];
}

/**
 * Groups items by their answer range, in the order the ranges first occur and keeping the items'
 * order inside a group. Means on different ranges are not comparable on one axis (a 4 of 7 is not
 * a 4 of 5), so every group gets a chart and an axis of its own.
 */
export function groupByRange<T extends Ranged>(items: readonly T[]): RangeGroup<T>[] {
	const groups: RangeGroup<T>[] = [];
	for (const item of items) {
		const group = groups.find((g) => g.min === item.min && g.max === item.max);
		if (group) group.items.push(item);
		else groups.push({ min: item.min, max: item.max, items: [item] });
	}
	return groups;
}

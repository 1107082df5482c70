/**
 * Reordering arithmetic for the actielijst panel. Indexes here are "final" indexes: where the moved
 * action ends up, as `moveAction` takes them. The panel may show a filtered list, so a move in the
 * visible list is translated to the full list by anchoring on a visible neighbour.
 */

/**
 * Where a dragged item lands among the visible items: the number of other items whose vertical
 * midpoint lies above the pointer. `midpoints` are those of all visible items, the dragged one at `from`.
 */
export function dropIndex(pointerY: number, midpoints: readonly number[], from: number): number {
	let index = 0;
	midpoints.forEach((mid, i) => {
		if (i !== from && pointerY > mid) index++;
	});
	return index;
}

/**
 * The final index in the full list for moving `id` to final index `visibleTo` of the visible list:
 * just before the visible action it lands on, or just after the last one. Actions hidden by the
 * filters keep their place relative to the visible ones around them.
 */
export function fullIndex(full: readonly string[], visible: readonly string[], id: string, visibleTo: number): number {
	const rest = full.filter((other) => other !== id);
	const others = visible.filter((other) => other !== id);
	if (others.length === 0) return full.indexOf(id);
	if (visibleTo < others.length) return rest.indexOf(others[Math.max(0, visibleTo)] as string);
	return rest.indexOf(others[others.length - 1] as string) + 1;
}

import { dropIndex } from './reorder';

export interface DragCallbacks {
	/** The pointer moved: how far (px) from where the drag started, and where the item would land. */
	onmove(offset: number, to: number): void;
	ondrop(to: number): void;
	oncancel(): void;
}

/** A tap or click stays a click until the pointer moved this far. */
const THRESHOLD_PX = 6;
/** Near the top or bottom of the window the page scrolls along, so long lists can be reordered. */
const EDGE_PX = 48;
const SCROLL_STEP_PX = 16;

/**
 * Drags one item of a vertical list with pointer events, so mouse, pen and touch behave the same
 * (the handle has `touch-action: none`, and pointer capture keeps the events coming when the finger
 * leaves it). `items` are the visible items in order; the dragged one is at `from`.
 */
export function trackDrag(
	event: PointerEvent,
	items: readonly HTMLElement[],
	from: number,
	callbacks: DragCallbacks
): void {
	const handle = event.currentTarget as HTMLElement;
	const pageY = (clientY: number) => clientY + window.scrollY;
	const start = pageY(event.clientY);
	const midpoints = items.map((item) => {
		const rect = item.getBoundingClientRect();
		return pageY(rect.top) + rect.height / 2;
	});
	let dragging = false;
	let to = from;
	handle.setPointerCapture(event.pointerId);

	const move = (e: PointerEvent) => {
		if (e.pointerId !== event.pointerId) return;
		const y = pageY(e.clientY);
		if (!dragging && Math.abs(y - start) < THRESHOLD_PX) return;
		dragging = true;
		e.preventDefault();
		if (e.clientY < EDGE_PX) window.scrollBy(0, -SCROLL_STEP_PX);
		else if (e.clientY > window.innerHeight - EDGE_PX) window.scrollBy(0, SCROLL_STEP_PX);
		to = dropIndex(y, midpoints, from);
		callbacks.onmove(y - start, to);
	};
	const finish = (dropped: boolean) => {
		handle.removeEventListener('pointermove', move);
		handle.removeEventListener('pointerup', up);
		handle.removeEventListener('pointercancel', cancel);
		window.removeEventListener('keydown', escape, true);
		if (handle.hasPointerCapture(event.pointerId)) handle.releasePointerCapture(event.pointerId);
		if (!dragging) return;
		if (dropped) callbacks.ondrop(to);
		else callbacks.oncancel();
	};
	const up = (e: PointerEvent) => e.pointerId === event.pointerId && finish(true);
	const cancel = (e: PointerEvent) => e.pointerId === event.pointerId && finish(false);
	const escape = (e: KeyboardEvent) => {
		if (e.key !== 'Escape' || !dragging) return;
		e.preventDefault();
		e.stopPropagation();
		finish(false);
	};
	handle.addEventListener('pointermove', move);
	handle.addEventListener('pointerup', up);
	handle.addEventListener('pointercancel', cancel);
	window.addEventListener('keydown', escape, true);
}

import type { ActionSnapshot } from '$lib/domain/workspace';
import type { MessageKey, MessageParams } from '$lib/i18n';
import { fullIndex } from './reorder';
import { keyMove } from './shortcuts';

/** What the reorder state machine needs from the panel. */
export interface ReorderHost {
	/** The whole actielijst and the filtered list on screen, in display order. */
	all(): readonly ActionSnapshot[];
	visible(): readonly ActionSnapshot[];
	/** One undo step from `beginGroup` to `endGroup`; `cancelGroup` takes it back without a trace. */
	beginGroup(): void;
	endGroup(): void;
	cancelGroup(changed: boolean): void;
	/** Moves the action to this index of the full list; false when the model refused. */
	move(id: string, index: number): boolean;
	announce(key: MessageKey, params: MessageParams): void;
	/** After a move: focus the handle again and announce the new place. */
	moved(action: ActionSnapshot, key: MessageKey): void;
}

/** A key event as far as reordering cares. */
export type ReorderKey = Pick<KeyboardEvent, 'key' | 'altKey' | 'preventDefault'>;

/**
 * The actielijst's move handle as a state machine, apart from the DOM: keyboard move mode (pick up
 * with Enter/Space or a click, arrows/Home/End move, Escape puts back, one undo step in all) and
 * pointer drags (`pointer-drag.ts` measures, this decides). Moves in a filtered view are anchored on
 * a visible neighbour (`fullIndex`), so hidden actions keep their place.
 */
export class ReorderController {
	/** Keyboard move mode: the action, and whether it moved since it was picked up. */
	grabbed = $state<{ id: string; moved: boolean } | null>(null);
	/** A pointer drag under way: where it started, how far (px) it moved, where it would land. */
	drag = $state<{ id: string; from: number; offset: number; to: number } | null>(null);
	/** A pointer drag ends with a click on the handle; that click must not pick the action up. */
	#suppressClick = false;

	constructor(private readonly host: ReorderHost) {}

	private moveTo(action: ActionSnapshot, to: number): boolean {
		const index = fullIndex(
			this.host.all().map((other) => other.id),
			this.host.visible().map((other) => other.id),
			action.id,
			to
		);
		return this.host.move(action.id, index);
	}

	putDown(): void {
		this.host.endGroup();
		this.grabbed = null;
	}

	/** Undo, redo or a removal ends move mode without another step. */
	release(): void {
		this.grabbed = null;
	}

	click(action: ActionSnapshot, index: number): void {
		if (this.#suppressClick) {
			this.#suppressClick = false;
			return;
		}
		if (this.grabbed?.id === action.id) {
			this.putDown();
			const count = this.host.visible().length;
			this.host.announce('workspace.actielijst.dropped', { title: action.title, position: index + 1, count });
		} else {
			if (this.grabbed) this.putDown();
			this.host.beginGroup();
			this.grabbed = { id: action.id, moved: false };
			this.host.announce('workspace.actielijst.grabbed', { title: action.title });
		}
	}

	/** A key on the handle; returns whether it was used (then the browser's default is prevented). */
	key(action: ActionSnapshot, index: number, event: ReorderKey): boolean {
		const held = this.grabbed?.id === action.id ? this.grabbed : null;
		const step = keyMove(event.key, event.altKey, held !== null, index, this.host.visible().length);
		if (!step) return false;
		event.preventDefault();
		if (step.kind === 'cancel') {
			// Back to the exact place it was picked up from, without leaving an undo step.
			this.host.cancelGroup(held?.moved ?? false);
			this.grabbed = null;
			this.host.moved(action, 'workspace.actielijst.cancelled');
		} else if (step.to === index || this.moveTo(action, step.to)) {
			if (held && step.to !== index) held.moved = true;
			this.host.moved(action, 'workspace.actielijst.moved');
		}
		return true;
	}

	/** The handle lost focus for good (not just while the list re-rendered): move mode ends. */
	left(action: ActionSnapshot, handleFocused: boolean): void {
		if (this.grabbed?.id === action.id && !handleFocused) this.putDown();
	}

	dragStart(): void {
		this.#suppressClick = false;
	}

	dragMove(action: ActionSnapshot, from: number, offset: number, to: number): void {
		this.drag = { id: action.id, from, offset, to };
	}

	drop(action: ActionSnapshot, from: number, to: number): void {
		this.drag = null;
		this.#suppressClick = true;
		if (to !== from && this.moveTo(action, to)) this.host.moved(action, 'workspace.actielijst.moved');
	}

	dragCancel(): void {
		this.drag = null;
		this.#suppressClick = true;
	}

	/** Where a dragged item would land, relative to the item at `index`. */
	dropMark(index: number): 'before' | 'after' | null {
		const drag = this.drag;
		if (!drag || drag.to === drag.from || index !== drag.to) return null;
		return drag.to < drag.from ? 'before' : 'after';
	}
}

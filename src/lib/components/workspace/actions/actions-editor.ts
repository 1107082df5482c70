import * as Y from 'yjs';
import {
	actionsMap,
	addAction,
	moveAction,
	removeAction,
	updateAction,
	type ActionChanges,
	type NewAction
} from '$lib/domain/workspace';

/** Origin of this panel's writes: its undo manager tracks exactly these, never remote changes. */
export const ACTIELIJST_ORIGIN = Symbol('actielijst');

/**
 * The panel's writes to the actielijst, each one transaction with the panel's origin and each its
 * own undo step. Undo and redo touch only this user's changes in this tab.
 */
export class ActionsEditor {
	readonly undoManager: Y.UndoManager;

	constructor(
		private readonly doc: Y.Doc,
		private readonly userId: string
	) {
		// captureTimeout 0: two quick changes (a move and a status) are two steps, as the user made them.
		this.undoManager = new Y.UndoManager(actionsMap(doc), {
			trackedOrigins: new Set([ACTIELIJST_ORIGIN]),
			captureTimeout: 0
		});
	}

	private write<T>(change: () => T): T {
		let result: T | undefined;
		this.doc.transact(() => {
			result = change();
		}, ACTIELIJST_ORIGIN);
		return result as T;
	}

	add(action: NewAction): string {
		return this.write(() => addAction(this.doc, action, this.userId));
	}

	update(id: string, changes: ActionChanges): void {
		this.write(() => updateAction(this.doc, id, changes));
	}

	remove(id: string): void {
		this.write(() => removeAction(this.doc, id));
	}

	move(id: string, index: number): void {
		this.write(() => moveAction(this.doc, id, index));
	}

	get canUndo(): boolean {
		return this.undoManager.canUndo();
	}

	get canRedo(): boolean {
		return this.undoManager.canRedo();
	}

	undo(): boolean {
		this.endGroup();
		return this.undoManager.undo() !== null;
	}

	redo(): boolean {
		this.endGroup();
		return this.undoManager.redo() !== null;
	}

	/** From here until `endGroup`, all changes are one undo step (a keyboard move: pick up, arrows, put down). */
	beginGroup(): void {
		this.undoManager.stopCapturing();
		this.undoManager.captureTimeout = Number.POSITIVE_INFINITY;
	}

	endGroup(): void {
		this.undoManager.stopCapturing();
		this.undoManager.captureTimeout = 0;
	}

	/** Takes the group's changes back exactly (no new step, nothing to redo), e.g. Escape during a keyboard move. */
	cancelGroup(changed: boolean): void {
		this.endGroup();
		if (!changed) return;
		this.undoManager.undo();
		this.undoManager.clear(false, true);
	}

	/** Calls `listener` whenever the undo or redo stack changes; returns the unsubscribe. */
	onStackChange(listener: () => void): () => void {
		const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
		for (const event of events) this.undoManager.on(event, listener);
		return () => {
			for (const event of events) this.undoManager.off(event, listener);
		};
	}

	destroy(): void {
		this.undoManager.destroy();
	}
}

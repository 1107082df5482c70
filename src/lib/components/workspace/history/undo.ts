import * as Y from 'yjs';

/** What a panel tells after such a change. */
export interface Notice {
	message: string;
	/** Whether the change can still be undone from there. */
	undoable: boolean;
}

/**
 * Changes a panel makes on purpose (restoring a version, removing a canvas) as steps the panel can
 * undo. The editors' own undo only tracks typing in their field, so these get their own undo
 * manager: it undoes exactly these changes and leaves everyone's typing in between alone.
 */
export class UndoableChanges {
	/** The transaction origin of these changes; nothing else in the document uses it. */
	readonly origin = { undoable: true };
	private readonly manager: Y.UndoManager;

	constructor(
		private readonly doc: Y.Doc,
		scope: ConstructorParameters<typeof Y.UndoManager>[0]
	) {
		// captureTimeout 0: two changes in quick succession stay two steps.
		this.manager = new Y.UndoManager(scope, { trackedOrigins: new Set([this.origin]), captureTimeout: 0 });
	}

	/**
	 * Runs `change` as one undo step; it passes `origin` on to functions that open their own
	 * transaction. `onUndo` runs when exactly this step is undone (e.g. to say so in the restore log).
	 */
	run(change: (origin: object) => void, onUndo?: () => void): void {
		this.manager.stopCapturing();
		this.doc.transact(() => change(this.origin), this.origin);
		this.manager.stopCapturing();
		if (onUndo) this.manager.undoStack.at(-1)?.meta.set('onUndo', onUndo);
	}

	canUndo(): boolean {
		return this.manager.canUndo();
	}

	/** Undoes the last step; false when there was nothing left to undo. */
	undo(): boolean {
		const step = this.manager.undo();
		if (!step) return false;
		const onUndo = step.meta.get('onUndo');
		if (typeof onUndo === 'function') onUndo();
		return true;
	}

	destroy(): void {
		this.manager.destroy();
	}
}

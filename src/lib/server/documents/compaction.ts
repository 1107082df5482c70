import * as Y from 'yjs';
import { dayIn } from '$lib/domain/calendar';
import type { Checkpoint, CompactionInput } from '../db/doc-log';

export interface Folded {
	snapshot: { state: Uint8Array; seq: number };
	checkpoints: Checkpoint[];
}

/** Updates applied between two pauses: each stretch stays a few milliseconds even for large updates' worth of typing. */
export const FOLD_CHUNK = 100;

/**
 * Folds the logged updates into the snapshot, writing a checkpoint at the end of every day the
 * updates span (the last one is the state so far today). Returns null when there is nothing to fold.
 * A damaged update is reported and skipped, as on load, so one bad entry cannot block compaction.
 * `pause` is awaited after every `FOLD_CHUNK` updates: the sync server passes one that yields to the
 * event loop, so a long log is never replayed in one synchronous stretch.
 */
export async function foldUpdates(
	input: CompactionInput,
	timeZone: string,
	onDamaged?: (seq: number, error: unknown) => void,
	pause: () => Promise<void> = async () => undefined
): Promise<Folded | null> {
	if (input.updates.length === 0) return null;
	const doc = new Y.Doc({ gc: true });
	try {
		if (input.snapshot) Y.applyUpdate(doc, input.snapshot);
		const checkpoints: Checkpoint[] = [];
		let current: Checkpoint | null = null;
		let applied = 0;
		for (const u of input.updates) {
			if (applied > 0 && applied % FOLD_CHUNK === 0) await pause();
			applied++;
			const day = dayIn(u.at, timeZone);
			if (current && current.day !== day) {
				current.state = Y.encodeStateAsUpdate(doc);
				checkpoints.push(current);
				current = null;
			}
			current ??= { day, state: new Uint8Array(), seq: u.seq, contributors: [...(input.contributors.get(day) ?? [])] };
			try {
				Y.applyUpdate(doc, u.update);
			} catch (error) {
				onDamaged?.(u.seq, error);
			}
			current.seq = u.seq;
			if (u.userId && !current.contributors.includes(u.userId)) current.contributors.push(u.userId);
		}
		const state = Y.encodeStateAsUpdate(doc);
		current!.state = state;
		checkpoints.push(current!);
		return { snapshot: { state, seq: current!.seq }, checkpoints };
	} finally {
		doc.destroy();
	}
}

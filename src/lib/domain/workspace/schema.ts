import type * as Y from 'yjs';
import { reconcileActionTexts } from './action-text';
import { ensureDoetankCanvas, ensureSocietyCanvas } from './canvases';
import { WorkspaceVersionError } from './errors';
import { metaMap } from './layout';

/**
 * Versioning of the Y.Doc layout (docs/ydoc-layout.md, "Versions and migration").
 * `meta.schemaVersion` says which layout a document has; a document without it is version 0.
 * STEPS[n] turns version n into n + 1. Steps must be idempotent ("ensure" style), because two
 * clients can run the same step at the same time before they see each other's result.
 */
type Step = (doc: Y.Doc, now: Date) => void;

const STEPS: readonly Step[] = [
	// 0 → 1: the Doetank canvas exists.
	(doc, now) => ensureDoetankCanvas(doc, { now }),
	// 1 → 2: action title and note as Y.Text beside the version-1 strings (action-text.ts).
	(doc) => void reconcileActionTexts(doc),
	// 2 → 3: the canvas for the Doetank's solution in the public sector and society (level 4) exists.
	(doc, now) => ensureSocietyCanvas(doc, { now })
];

export const WORKSPACE_SCHEMA_VERSION = STEPS.length;

/** Transaction origin of migrations, so undo managers and logs can leave them out. */
export const MIGRATION_ORIGIN = 'workspace-migration';

/** The document's layout version; throws WorkspaceVersionError for a damaged value. */
export function workspaceSchemaVersion(doc: Y.Doc): number {
	const version = metaMap(doc).get('schemaVersion');
	if (version === undefined) return 0;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
		throw new WorkspaceVersionError(version, WORKSPACE_SCHEMA_VERSION);
	}
	return version;
}

/**
 * Brings a document to the current layout in one transaction; does nothing (and writes nothing)
 * when it is current. Refuses a newer document, so an old client never rewrites a new layout.
 * A current document still takes in what clients of version 1 wrote into it since its migration
 * (their action strings, see action-text.ts); that writes only when there is something to take in.
 */
export function migrateWorkspace(doc: Y.Doc, now: Date = new Date()): { from: number; to: number } {
	const from = workspaceSchemaVersion(doc);
	if (from > WORKSPACE_SCHEMA_VERSION) throw new WorkspaceVersionError(from, WORKSPACE_SCHEMA_VERSION);
	if (from < WORKSPACE_SCHEMA_VERSION) {
		doc.transact(() => {
			for (const step of STEPS.slice(from)) step(doc, now);
			metaMap(doc).set('schemaVersion', WORKSPACE_SCHEMA_VERSION);
		}, MIGRATION_ORIGIN);
	} else {
		doc.transact(() => reconcileActionTexts(doc), MIGRATION_ORIGIN);
	}
	return { from, to: WORKSPACE_SCHEMA_VERSION };
}

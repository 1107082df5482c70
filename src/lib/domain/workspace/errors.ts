/**
 * Expected failures of workspace operations. The UI maps `code` to a message key; the
 * operations check their own invariants because a Y.Doc write has no server round trip
 * that could refuse it.
 */
export type WorkspaceErrorCode =
	'not_found' | 'invalid_input' | 'doetank_canvas_required' | 'fixed_canvas' | 'not_renamable';

export class WorkspaceError extends Error {
	constructor(
		readonly code: WorkspaceErrorCode,
		readonly detail = ''
	) {
		super(detail ? `${code}: ${detail}` : code);
		this.name = 'WorkspaceError';
	}
}

/** The document was written by a newer version of the app (or is damaged): do not touch it. */
export class WorkspaceVersionError extends Error {
	constructor(
		readonly found: unknown,
		readonly supported: number
	) {
		super(`Workspace schema version ${String(found)} is not supported (this code knows up to ${supported})`);
		this.name = 'WorkspaceVersionError';
	}
}

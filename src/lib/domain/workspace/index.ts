/** The workspace document model: everything the UI and the sync server need from the Y.Doc. */
export { ROOT, metaMap, probleemdefinitie, canvasesMap, actionsMap, type CreateOptions } from './layout';
export { WorkspaceError, WorkspaceVersionError, type WorkspaceErrorCode } from './errors';
export { WORKSPACE_SCHEMA_VERSION, MIGRATION_ORIGIN, migrateWorkspace, workspaceSchemaVersion } from './schema';
export {
	ACTION_STATUSES,
	ACTION_LIMITS,
	readActions,
	addAction,
	updateAction,
	removeAction,
	moveAction,
	moveActionUp,
	moveActionDown,
	type ActionStatus,
	type ActionSnapshot,
	type ActionChanges,
	type NewAction,
	type AddActionOptions
} from './actions';
export {
	ACTION_TEXT_FIELDS,
	actionText,
	readActionText,
	replaceText,
	editBetween,
	mergeTexts,
	reconcileActionTexts,
	watchLegacyActionEdits,
	type ActionTextField
} from './action-text';
export { todayIn, isOpen, isOverdue, filterActions, type ActionFilter } from './action-filters';
export { positionBetween, isPosition } from './position';
export * from './business-case-fields';
export {
	DOETANK_CANVAS_ID,
	SOCIETY_CANVAS_ID,
	NETWORK_CANVAS_ID,
	CANVAS_LIMITS,
	personalCanvasId,
	readCanvases,
	readCanvas,
	canvasMap,
	canvasField,
	fieldOf,
	ensureDoetankCanvas,
	ensureSocietyCanvas,
	ensureNetworkCanvas,
	createPilotCanvas,
	renamePilotCanvas,
	getOrCreatePersonalCanvas,
	removeCanvas,
	setCanvasStrategy,
	type CanvasSnapshot
} from './canvases';
export { fragmentToMarkdown, escapeMarkdown, type MarkdownOptions } from './markdown';
export { businessCaseToMarkdown, type CanvasExportLabels } from './business-case-markdown';
export { diffLines, type DiffLine, type DiffKind } from './diff';
export { restoreFragment, restoreCanvas } from './restore';
export {
	RESTORE_LOG,
	RESTORE_LOG_LIMIT,
	restoreLog,
	recordRestore,
	readRestores,
	type RestoreEntry
} from './restore-log';
export { writeParagraphs } from './paragraphs';
export { NETWORK_ROOM, isNetworkRoom, prepareNetworkDocument } from './network';

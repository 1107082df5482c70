/** Comments on the workspace's rich text: anchors, fields and the rules of a thread (no I/O). */
export {
	anchorDeleted,
	decodeAnchorPosition,
	encodeAnchorPosition,
	isAnchorPosition,
	type CommentAnchor
} from './anchor';
export {
	PROBLEEMDEFINITIE_FIELD,
	canvasCommentField,
	commentFragment,
	isCommentField,
	parseCommentField,
	type CommentField,
	type ParsedField
} from './field';
export {
	isOpen,
	mayDelete,
	mayEdit,
	mayResolve,
	passedBound,
	sortThreads,
	unresolvedCount,
	type CommentAuthor,
	type CommentBound,
	type CommentCounts,
	type CommentLimits,
	type CommentReply,
	type CommentRights,
	type CommentThread
} from './thread';

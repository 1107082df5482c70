-- Comments on the workspace's rich text (probleemdefinitie and canvas fields). They live beside the
-- Yjs document, not in it, so read-only roles may comment while the sync server still refuses
-- their updates. A thread is anchored to a text range: two Yjs relative positions (base64) and the
-- text quoted when it was made. Replies belong to one thread.
CREATE TABLE comment_threads (
	id TEXT PRIMARY KEY,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	-- 'probleemdefinitie' or 'canvas/<canvasId>/<fieldKey>'
	field TEXT NOT NULL,
	anchor_start TEXT NOT NULL,
	anchor_end TEXT NOT NULL,
	quote TEXT NOT NULL,
	author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	body TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	edited_at INTEGER,
	resolved_at INTEGER,
	resolved_by TEXT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX comment_threads_by_doetank ON comment_threads (doetank_id, created_at);
CREATE INDEX comment_threads_by_author ON comment_threads (author_id, created_at);

CREATE TABLE comment_replies (
	id TEXT PRIMARY KEY,
	thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
	author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	body TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	edited_at INTEGER
);
CREATE INDEX comment_replies_by_thread ON comment_replies (thread_id, created_at);
CREATE INDEX comment_replies_by_author ON comment_replies (author_id, created_at);

-- One counter per Doetank, raised by every change of its comments: the live streams of all
-- processes poll it (one cheap read per interval) instead of the comments themselves.
CREATE TABLE comment_changes (
	doetank_id TEXT PRIMARY KEY REFERENCES doetanks(id) ON DELETE CASCADE,
	version INTEGER NOT NULL
);

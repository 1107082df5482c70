-- Versions of a Doetank's document finer than the day checkpoints: automatic ones (after every
-- HISTORY_VERSION_INTERVAL_MS of activity and when the last person leaves) and named ones a writer
-- makes. Each holds the whole Yjs state at log position `seq` and who edited since the version before.
-- Automatic versions older than a week are thinned to the last one per day; named ones stay.
CREATE TABLE doc_versions (
	id TEXT PRIMARY KEY,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('auto', 'named')),
	name TEXT,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	state BLOB NOT NULL,
	seq INTEGER NOT NULL,
	contributors TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE INDEX doc_versions_by_doetank ON doc_versions (doetank_id, created_at);

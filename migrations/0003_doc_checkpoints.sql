-- One checkpoint per Doetank per day (Europe/Amsterdam): the document's full Yjs state at the end of
-- that day as far as compaction has folded it in, and who edited that day. Compaction writes them
-- before it deletes the updates they replace, so the version history never loses a day.
CREATE TABLE doc_checkpoints (
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	day TEXT NOT NULL,
	state BLOB NOT NULL,
	seq INTEGER NOT NULL,
	contributors TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (doetank_id, day)
);

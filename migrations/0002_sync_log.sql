-- Write-ahead log of accepted Yjs updates per Doetank, and the compacted snapshot they build on.
CREATE TABLE doc_updates (
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	update_data BLOB NOT NULL,
	user_id TEXT,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (doetank_id, seq)
);

CREATE TABLE doc_snapshots (
	doetank_id TEXT PRIMARY KEY REFERENCES doetanks(id) ON DELETE CASCADE,
	state BLOB NOT NULL,
	seq INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);

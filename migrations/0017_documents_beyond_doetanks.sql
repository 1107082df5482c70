-- The update log, snapshots and day checkpoints hold every live document, and not every document
-- belongs to a Doetank: the network's business case (level 5) is the document '~network'. So
-- `doetank_id` becomes a document id without a foreign key to doetanks; a trigger keeps what the
-- cascade did (a Doetank's document goes with the Doetank). doc_versions (0019) keeps its key:
-- the network document has no versions. The tables are rebuilt because SQLite cannot drop a
-- foreign key in place; columns, keys and WITHOUT ROWID stay as they were (0002, 0003, 0010).
CREATE TABLE doc_updates_new (
	doetank_id TEXT NOT NULL,
	seq INTEGER NOT NULL,
	update_data BLOB NOT NULL,
	user_id TEXT,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (doetank_id, seq)
) WITHOUT ROWID;
INSERT INTO doc_updates_new (doetank_id, seq, update_data, user_id, created_at)
	SELECT doetank_id, seq, update_data, user_id, created_at FROM doc_updates;
DROP TABLE doc_updates;
ALTER TABLE doc_updates_new RENAME TO doc_updates;

CREATE TABLE doc_snapshots_new (
	doetank_id TEXT PRIMARY KEY,
	state BLOB NOT NULL,
	seq INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
INSERT INTO doc_snapshots_new (doetank_id, state, seq, updated_at)
	SELECT doetank_id, state, seq, updated_at FROM doc_snapshots;
DROP TABLE doc_snapshots;
ALTER TABLE doc_snapshots_new RENAME TO doc_snapshots;

CREATE TABLE doc_checkpoints_new (
	doetank_id TEXT NOT NULL,
	day TEXT NOT NULL,
	state BLOB NOT NULL,
	seq INTEGER NOT NULL,
	contributors TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (doetank_id, day)
);
INSERT INTO doc_checkpoints_new (doetank_id, day, state, seq, contributors, created_at)
	SELECT doetank_id, day, state, seq, contributors, created_at FROM doc_checkpoints;
DROP TABLE doc_checkpoints;
ALTER TABLE doc_checkpoints_new RENAME TO doc_checkpoints;

CREATE TRIGGER doetank_documents_deleted AFTER DELETE ON doetanks
BEGIN
	DELETE FROM doc_updates WHERE doetank_id = OLD.id;
	DELETE FROM doc_snapshots WHERE doetank_id = OLD.id;
	DELETE FROM doc_checkpoints WHERE doetank_id = OLD.id;
END;

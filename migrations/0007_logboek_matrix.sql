-- The coach's logboek-matrix per Doetank: per moment and topic what stimulates and what inhibits.
-- One shared matrix per Doetank (its coaches write it together); the last writer is recorded.
CREATE TABLE logboek_entries (
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	moment TEXT NOT NULL CHECK (moment IN ('begin', 'halverwege', 'eind')),
	topic_id TEXT NOT NULL,
	stimulerend TEXT NOT NULL DEFAULT '',
	remmend TEXT NOT NULL DEFAULT '',
	updated_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (doetank_id, moment, topic_id)
);

-- The coach's notes on a Doetank: the "bijzonderheden" column of the network's Overzicht Doetanks.
CREATE TABLE doetank_notes (
	doetank_id TEXT PRIMARY KEY REFERENCES doetanks(id) ON DELETE CASCADE,
	bijzonderheden TEXT NOT NULL,
	updated_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	updated_at INTEGER NOT NULL
);

-- Membership changes for the Doetank's timeline: memberships themselves are rewritten and deleted,
-- so without this log a removal left no trace. Append-only; `roles` holds the roles after the
-- change (JSON array, empty for a removal).
CREATE TABLE membership_changes (
	id INTEGER PRIMARY KEY,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,
	change TEXT NOT NULL CHECK (change IN ('added', 'roles_changed', 'removed')),
	roles TEXT NOT NULL,
	at INTEGER NOT NULL
);
CREATE INDEX membership_changes_doetank ON membership_changes(doetank_id, at);

-- Café mode: a network meeting where Doetanks work in their live workspace, joined with a short code,
-- followed by the café evaluation (B7, or B8 for a Grand Café), anonymous like the vragenlijst.

CREATE TABLE cafes (
	id TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	day TEXT NOT NULL,
	grand_cafe INTEGER NOT NULL DEFAULT 0 CHECK (grand_cafe IN (0, 1)),
	-- What attendees type or scan to join: unambiguous capitals and digits.
	code TEXT NOT NULL UNIQUE,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	-- Growth during the café is measured from `started_at`; the evaluation opens at `ended_at`.
	started_at INTEGER,
	ended_at INTEGER
);

CREATE TABLE cafe_doetanks (
	cafe_id TEXT NOT NULL REFERENCES cafes(id) ON DELETE CASCADE,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	-- JSON document metrics (canvases, filled fields, actions, ...) when the café started.
	baseline TEXT,
	PRIMARY KEY (cafe_id, doetank_id)
) WITHOUT ROWID;

CREATE TABLE cafe_attendees (
	cafe_id TEXT NOT NULL REFERENCES cafes(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	doetank_id TEXT NOT NULL,
	joined_at INTEGER NOT NULL,
	PRIMARY KEY (cafe_id, user_id)
);

-- The evaluation, stored like the vragenlijst: no user and no time with the answers, a separate
-- has-responded mark, contact details apart, all WITHOUT ROWID under random or user keys.
CREATE TABLE cafe_evaluation_respondents (
	cafe_id TEXT NOT NULL REFERENCES cafes(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	PRIMARY KEY (cafe_id, user_id)
) WITHOUT ROWID;

CREATE TABLE cafe_evaluations (
	id TEXT PRIMARY KEY,
	cafe_id TEXT NOT NULL REFERENCES cafes(id) ON DELETE CASCADE,
	answers TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX cafe_evaluations_cafe ON cafe_evaluations(cafe_id);

CREATE TABLE cafe_contacts (
	id TEXT PRIMARY KEY,
	cafe_id TEXT NOT NULL REFERENCES cafes(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	phone TEXT NOT NULL,
	email TEXT NOT NULL
) WITHOUT ROWID;

-- Method governance: phase transitions, the opdrachtgeversafspraak, terugkoppelmomenten with
-- frozen submissions and reviews, the inbox and personal calendar feeds.
-- What is recorded as evidence (transitions, confirmations, submissions, reviews) is append-only:
-- triggers refuse UPDATE and DELETE, and an INSERT that would replace an existing row (INSERT OR
-- REPLACE deletes without firing delete triggers unless recursive_triggers is on).

CREATE TABLE phase_transitions (
	id TEXT PRIMARY KEY,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id),
	from_phase TEXT NOT NULL CHECK (from_phase IN ('fase_0', 'fase_1', 'fase_2', 'afgerond', 'gestopt')),
	to_phase TEXT NOT NULL CHECK (to_phase IN ('fase_0', 'fase_1', 'fase_2', 'afgerond', 'gestopt')),
	actor_id TEXT NOT NULL REFERENCES users(id),
	at INTEGER NOT NULL,
	reason_category TEXT,
	explanation TEXT,
	result_summary TEXT,
	override INTEGER NOT NULL DEFAULT 0 CHECK (override IN (0, 1)),
	justification TEXT,
	-- Keys of the gate conditions an override set aside (JSON array).
	overridden TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX phase_transitions_doetank ON phase_transitions(doetank_id, at);
CREATE INDEX phase_transitions_at ON phase_transitions(at);

-- The event log drives the phase: an event must start from the current phase, and inserting it
-- moves the Doetank; the phase column cannot change without an event.
CREATE TRIGGER phase_transitions_from_current BEFORE INSERT ON phase_transitions
WHEN NEW.from_phase IS NOT (SELECT phase FROM doetanks WHERE id = NEW.doetank_id)
BEGIN SELECT RAISE(ABORT, 'stale_phase'); END;
CREATE TRIGGER phase_transitions_move AFTER INSERT ON phase_transitions
BEGIN UPDATE doetanks SET phase = NEW.to_phase WHERE id = NEW.doetank_id; END;
CREATE TRIGGER doetanks_phase_by_event BEFORE UPDATE OF phase ON doetanks
WHEN NEW.phase IS NOT OLD.phase AND NEW.phase IS NOT (
	SELECT to_phase FROM phase_transitions WHERE doetank_id = NEW.id ORDER BY rowid DESC LIMIT 1)
BEGIN SELECT RAISE(ABORT, 'phase_without_event'); END;

CREATE TRIGGER phase_transitions_no_replace BEFORE INSERT ON phase_transitions
WHEN EXISTS (SELECT 1 FROM phase_transitions WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER phase_transitions_no_update BEFORE UPDATE ON phase_transitions
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER phase_transitions_no_delete BEFORE DELETE ON phase_transitions
BEGIN SELECT RAISE(ABORT, 'immutable'); END;

-- The agreement as it is now; `version` goes up by one on every save (optimistic concurrency).
CREATE TABLE agreements (
	doetank_id TEXT PRIMARY KEY REFERENCES doetanks(id) ON DELETE CASCADE,
	version INTEGER NOT NULL CHECK (version >= 1),
	randvoorwaarden TEXT NOT NULL,
	spelregels TEXT NOT NULL,
	terugkoppelmomenten TEXT NOT NULL,
	besluitvormer TEXT NOT NULL,
	informeren TEXT NOT NULL,
	opdrachtgever_decides INTEGER NOT NULL CHECK (opdrachtgever_decides IN (0, 1)),
	updated_by TEXT REFERENCES users(id),
	updated_at INTEGER NOT NULL
);

-- Every confirmed version, with a copy of what was confirmed.
CREATE TABLE agreement_confirmations (
	doetank_id TEXT NOT NULL REFERENCES doetanks(id),
	version INTEGER NOT NULL,
	content TEXT NOT NULL,
	confirmed_by TEXT NOT NULL REFERENCES users(id),
	confirmed_at INTEGER NOT NULL,
	PRIMARY KEY (doetank_id, version)
);
CREATE TRIGGER agreement_confirmations_current BEFORE INSERT ON agreement_confirmations
WHEN NEW.version IS NOT (SELECT version FROM agreements WHERE doetank_id = NEW.doetank_id)
BEGIN SELECT RAISE(ABORT, 'stale_version'); END;
CREATE TRIGGER agreement_confirmations_no_replace BEFORE INSERT ON agreement_confirmations
WHEN EXISTS (SELECT 1 FROM agreement_confirmations WHERE doetank_id = NEW.doetank_id AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER agreement_confirmations_no_update BEFORE UPDATE ON agreement_confirmations
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER agreement_confirmations_no_delete BEFORE DELETE ON agreement_confirmations
BEGIN SELECT RAISE(ABORT, 'immutable'); END;

-- A terugkoppelmoment; its status follows from its submissions and their reviews.
CREATE TABLE checkpoints (
	id TEXT PRIMARY KEY,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id),
	title TEXT NOT NULL,
	planned_day TEXT NOT NULL,
	subjects TEXT NOT NULL,
	-- iCalendar SEQUENCE: raised whenever the planned day changes.
	sequence INTEGER NOT NULL DEFAULT 0,
	created_by TEXT REFERENCES users(id),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX checkpoints_doetank ON checkpoints(doetank_id, planned_day);

-- One frozen submission per round: the whole Yjs state, the rendered copy and SHA-256 of the state.
CREATE TABLE checkpoint_submissions (
	id TEXT PRIMARY KEY,
	checkpoint_id TEXT NOT NULL REFERENCES checkpoints(id),
	round INTEGER NOT NULL CHECK (round >= 1),
	subjects TEXT NOT NULL,
	state BLOB NOT NULL,
	rendered TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	submitted_by TEXT NOT NULL REFERENCES users(id),
	submitted_at INTEGER NOT NULL,
	UNIQUE (checkpoint_id, round)
);
CREATE TRIGGER checkpoint_submissions_no_replace BEFORE INSERT ON checkpoint_submissions
WHEN EXISTS (SELECT 1 FROM checkpoint_submissions WHERE id = NEW.id OR (checkpoint_id = NEW.checkpoint_id AND round = NEW.round))
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER checkpoint_submissions_no_update BEFORE UPDATE ON checkpoint_submissions
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER checkpoint_submissions_no_delete BEFORE DELETE ON checkpoint_submissions
BEGIN SELECT RAISE(ABORT, 'immutable'); END;

-- One decision per submission; an approval records who, when and the hash of what was approved.
CREATE TABLE checkpoint_reviews (
	id TEXT PRIMARY KEY,
	submission_id TEXT NOT NULL UNIQUE REFERENCES checkpoint_submissions(id),
	decision TEXT NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
	comment TEXT NOT NULL,
	reviewer_id TEXT NOT NULL REFERENCES users(id),
	reviewer_roles TEXT NOT NULL,
	snapshot_sha256 TEXT NOT NULL,
	reviewed_at INTEGER NOT NULL
);
CREATE TRIGGER checkpoint_reviews_hash BEFORE INSERT ON checkpoint_reviews
WHEN NEW.snapshot_sha256 IS NOT (SELECT sha256 FROM checkpoint_submissions WHERE id = NEW.submission_id)
BEGIN SELECT RAISE(ABORT, 'review_hash_mismatch'); END;
CREATE TRIGGER checkpoint_reviews_no_replace BEFORE INSERT ON checkpoint_reviews
WHEN EXISTS (SELECT 1 FROM checkpoint_reviews WHERE id = NEW.id OR submission_id = NEW.submission_id)
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER checkpoint_reviews_no_update BEFORE UPDATE ON checkpoint_reviews
BEGIN SELECT RAISE(ABORT, 'immutable'); END;
CREATE TRIGGER checkpoint_reviews_no_delete BEFORE DELETE ON checkpoint_reviews
BEGIN SELECT RAISE(ABORT, 'immutable'); END;

-- The inbox. `dedupe_key` keeps computed items (an overdue action) from appearing twice.
CREATE TABLE notifications (
	id TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	doetank_id TEXT REFERENCES doetanks(id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	params TEXT NOT NULL,
	link TEXT NOT NULL,
	dedupe_key TEXT,
	created_at INTEGER NOT NULL,
	read_at INTEGER,
	UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notifications_user ON notifications(user_id, created_at);

-- One personal calendar feed per user; only the SHA-256 of its secret token is stored.
CREATE TABLE calendar_feeds (
	user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	locale TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

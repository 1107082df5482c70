-- One counter the dashboard's change check reads instead of counting six tables every 2 s (the
-- count over checkpoint_submissions walked the blob pages of frozen documents). Triggers raise it
-- on every change the dashboard shows, whichever process (web or sync server) wrote it.
CREATE TABLE change_counters (
	name TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);
INSERT INTO change_counters (name, value) VALUES ('governance', 0);

CREATE TRIGGER governance_transition_added AFTER INSERT ON phase_transitions
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;

CREATE TRIGGER governance_confirmation_added AFTER INSERT ON agreement_confirmations
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;
CREATE TRIGGER governance_confirmation_removed AFTER DELETE ON agreement_confirmations
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;

CREATE TRIGGER governance_submission_added AFTER INSERT ON checkpoint_submissions
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;
CREATE TRIGGER governance_submission_removed AFTER DELETE ON checkpoint_submissions
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;

CREATE TRIGGER governance_review_added AFTER INSERT ON checkpoint_reviews
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;
CREATE TRIGGER governance_review_changed AFTER UPDATE ON checkpoint_reviews
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;
CREATE TRIGGER governance_review_removed AFTER DELETE ON checkpoint_reviews
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;

CREATE TRIGGER governance_checkpoint_added AFTER INSERT ON checkpoints
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;
CREATE TRIGGER governance_checkpoint_changed AFTER UPDATE ON checkpoints
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;
CREATE TRIGGER governance_checkpoint_removed AFTER DELETE ON checkpoints
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;

CREATE TRIGGER governance_role_added AFTER INSERT ON membership_roles
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;
CREATE TRIGGER governance_role_removed AFTER DELETE ON membership_roles
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'governance'; END;

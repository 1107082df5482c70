-- Doetank-vragenlijst: waves and anonymous responses (docs/instruments.md, "Anonymity").
-- Answers carry no user and no time. Who has answered is kept apart, only to refuse a second
-- response. The answer, respondent and contact tables are WITHOUT ROWID with keys that say nothing
-- about the order of insertion (random ids, or the user id), so rows cannot be matched by position.

CREATE TABLE questionnaire_waves (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	-- The last Dutch calendar day ('YYYY-MM-DD') on which answers are accepted.
	closes_on TEXT NOT NULL,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE questionnaire_wave_doetanks (
	wave_id TEXT NOT NULL REFERENCES questionnaire_waves(id) ON DELETE CASCADE,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	PRIMARY KEY (wave_id, doetank_id)
) WITHOUT ROWID;

CREATE TABLE questionnaire_respondents (
	wave_id TEXT NOT NULL,
	doetank_id TEXT NOT NULL,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	PRIMARY KEY (wave_id, doetank_id, user_id),
	FOREIGN KEY (wave_id, doetank_id) REFERENCES questionnaire_wave_doetanks(wave_id, doetank_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE questionnaire_responses (
	id TEXT PRIMARY KEY,
	wave_id TEXT NOT NULL,
	doetank_id TEXT NOT NULL,
	-- JSON: item id → code, null for 'niet van toepassing' or unanswered.
	answers TEXT NOT NULL,
	-- Question 8, free text.
	remarks TEXT NOT NULL DEFAULT '',
	FOREIGN KEY (wave_id, doetank_id) REFERENCES questionnaire_wave_doetanks(wave_id, doetank_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX questionnaire_responses_wave ON questionnaire_responses(wave_id, doetank_id);

-- Question 10: a name left to be contacted, per wave only (not per Doetank).
CREATE TABLE questionnaire_contacts (
	id TEXT PRIMARY KEY,
	wave_id TEXT NOT NULL REFERENCES questionnaire_waves(id) ON DELETE CASCADE,
	name TEXT NOT NULL
) WITHOUT ROWID;

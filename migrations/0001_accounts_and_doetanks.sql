-- Accounts, lucia sessions, Doetanks, membership and invitations.
CREATE TABLE users (
	id TEXT PRIMARY KEY,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	network_role TEXT NOT NULL DEFAULT 'member' CHECK (network_role IN ('admin', 'coach', 'member')),
	is_demo INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
	id TEXT PRIMARY KEY,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	expires_at INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	user_agent TEXT NOT NULL DEFAULT '',
	ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);

-- One row per throttled key ("account:<email>" or "ip:<address>").
CREATE TABLE login_throttle (
	key TEXT PRIMARY KEY,
	failures INTEGER NOT NULL,
	window_start INTEGER NOT NULL,
	locked_until INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE doetanks (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	onderwerp TEXT NOT NULL,
	beoogd_doel TEXT NOT NULL,
	phase TEXT NOT NULL DEFAULT 'fase_0' CHECK (phase IN ('fase_0', 'fase_1', 'fase_2', 'afgerond', 'gestopt')),
	is_demo INTEGER NOT NULL DEFAULT 0,
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	lid_type TEXT CHECK (lid_type IN ('kern', 'schil')),
	direct_stake INTEGER NOT NULL DEFAULT 0,
	joined_at INTEGER NOT NULL,
	PRIMARY KEY (doetank_id, user_id)
);
CREATE INDEX memberships_user ON memberships(user_id);

CREATE TABLE membership_roles (
	doetank_id TEXT NOT NULL,
	user_id TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('trekker', 'lid', 'coach', 'opdrachtgever', 'besluitvormer', 'meekijker')),
	PRIMARY KEY (doetank_id, user_id, role),
	FOREIGN KEY (doetank_id, user_id) REFERENCES memberships(doetank_id, user_id) ON DELETE CASCADE
);

-- Only the SHA-256 of the token is stored; the link carries the token itself.
CREATE TABLE invitations (
	id TEXT PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	doetank_id TEXT NOT NULL REFERENCES doetanks(id) ON DELETE CASCADE,
	roles TEXT NOT NULL,
	lid_type TEXT CHECK (lid_type IN ('kern', 'schil')),
	created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	used_at INTEGER,
	used_by TEXT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX invitations_doetank ON invitations(doetank_id);

CREATE TABLE app_meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

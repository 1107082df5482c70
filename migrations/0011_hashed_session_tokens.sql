-- Sessions are now looked up by the SHA-256 of their token (sessions.id holds the hash, see
-- src/lib/server/db/sessions.ts). Rows written before held the raw token, which no hash matches:
-- they are removed, so everyone signs in once more (the server logs this when it applies it).
DELETE FROM sessions;

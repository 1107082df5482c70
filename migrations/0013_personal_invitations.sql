-- Adding an existing account by e-mail no longer makes it a member: it gets a personal invitation
-- (inbox item with a link) that only that account can accept. `direct_stake` travels with it.
ALTER TABLE invitations ADD COLUMN invitee_id TEXT REFERENCES users(id) ON DELETE CASCADE;
ALTER TABLE invitations ADD COLUMN direct_stake INTEGER NOT NULL DEFAULT 0;
CREATE INDEX invitations_invitee ON invitations(invitee_id, doetank_id) WHERE invitee_id IS NOT NULL;

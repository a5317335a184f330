-- Signing a user out everywhere (or changing their roles) ends the portal's browser sessions
-- begun before this moment, on every node: each request compares its session with it.
alter table portal_user add column sessions_not_before timestamptz;

-- Tokens expire: a token lost on an old laptop stops opening anything on its own. The
-- expiry is an RFC 3339 UTC time (as created_at), so both engines compare it as text; a
-- token made before this column existed has none, and the server counts its expiry from
-- created_at with the default lifetime.

ALTER TABLE editor_tokens ADD COLUMN expires_at TEXT;

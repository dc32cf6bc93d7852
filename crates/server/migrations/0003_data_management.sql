-- Data management: provisional figures (data sementara), editors' tokens and the audit log.
-- Portable SQL as before: it runs on SQLite and PostgreSQL unchanged.

ALTER TABLE shipments ADD COLUMN provisional BIGINT NOT NULL DEFAULT 0;
ALTER TABLE production_records ADD COLUMN provisional BIGINT NOT NULL DEFAULT 0;

-- An editor's token is `karya_<token_id>_<secret>`: the id finds the row, the secret is kept
-- only as its SHA-256 and compared in constant time.
CREATE TABLE editor_tokens (
    name TEXT PRIMARY KEY,
    token_id TEXT NOT NULL UNIQUE,
    secret_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

-- Every write: who, when, which record, its value before and after (JSON; NULL for none).
-- `id` is the time in microseconds and a random suffix, so it sorts by time on both engines
-- without an engine-specific sequence.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_key TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT
);
CREATE INDEX audit_by_record ON audit_log (record_type, record_key);

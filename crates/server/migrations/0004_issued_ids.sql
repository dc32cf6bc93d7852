-- Every release id ever given out, kept after the release is withdrawn: the id's primary key
-- is what serialises concurrent creates (the database, not the handler, decides who gets an
-- id), and a withdrawn release's id is never handed to another release.

CREATE TABLE issued_ids (
    id TEXT PRIMARY KEY
);

INSERT INTO issued_ids (id) SELECT id FROM shipments;
INSERT INTO issued_ids (id)
    SELECT DISTINCT record_key FROM audit_log
    WHERE record_type = 'shipments' AND record_key NOT IN (SELECT id FROM issued_ids);

-- The data's version: every write and import moves it in its own transaction, so answers can
-- carry an ETag and servers (one or many, sharing this database) can keep identical answers
-- in memory until it moves.

CREATE TABLE data_version (
    id BIGINT PRIMARY KEY,
    version BIGINT NOT NULL
);

INSERT INTO data_version (id, version) VALUES (1, 1);

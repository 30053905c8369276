-- taizhang ledger, schema 6: evidence (佐证材料) on records, and what
-- evidence a duty expects.
--
-- A file's bytes are stored once per distinct content in blobs, keyed by
-- their SHA-256; evidence rows name a record and either a blob (with the
-- file's original name and type) or a paper locator. Nothing that reads a
-- year's status touches either table.
--
-- evidence.record_id has no foreign key on purpose: deleting a record
-- leaves its evidence rows behind, so that undoing the delete (which puts
-- the record back under its own id, never reused) brings its evidence back
-- too. Rows whose record is gone, and blobs no row names, are purged when
-- nothing can undo any more (see Store.PurgeEvidence).
ALTER TABLE duties ADD COLUMN evidence TEXT NOT NULL DEFAULT '';

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size   INTEGER NOT NULL CHECK (size >= 0 AND size <= 52428800),
    data   BLOB NOT NULL CHECK (length(data) = size)
);

CREATE TABLE evidence (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id  INTEGER NOT NULL,
    sha256     TEXT REFERENCES blobs(sha256),
    name       TEXT NOT NULL DEFAULT '',
    size       INTEGER NOT NULL DEFAULT 0,
    media_type TEXT NOT NULL DEFAULT '',
    paper      TEXT NOT NULL DEFAULT '',
    added_at   TEXT NOT NULL,
    CHECK ((sha256 IS NULL) <> (paper = ''))
);
CREATE INDEX evidence_by_record ON evidence (record_id);
CREATE INDEX evidence_by_blob ON evidence (sha256);

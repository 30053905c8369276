-- taizhang ledger, schema 9: the ledger's generation, a random token that
-- changes when a backup is restored into it. An undo remembered from
-- before a restore would put back what belonged to the ledger as it was
-- (a record under a duty id that may now name another duty): the app
-- keeps the generation with each undo and refuses one from another.
CREATE TABLE generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value TEXT NOT NULL
);
INSERT INTO generation (id, value) VALUES (1, lower(hex(randomblob(16))));

-- taizhang ledger, schema 2: the officer's name, post and unit, printed at
-- the head of the year-end summary. One row at most (id = 1).
CREATE TABLE profile (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    name       TEXT NOT NULL DEFAULT '',
    post       TEXT NOT NULL DEFAULT '',
    unit       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- taizhang ledger, schema 7: the roster (人员名单) and per-person duties.
-- Groups are free labels (科室干部, 分管科室负责人…); a group may be empty
-- (a template makes it before the officer fills it).
CREATE TABLE groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
    created_at TEXT NOT NULL
);

-- A person's name and note together are unique; two people of the same
-- name are told apart by their notes (张伟（财务科）).
CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (name <> ''),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    rev        TEXT NOT NULL,
    UNIQUE (name, note)
);

-- A person's time in a group: from the day they joined (NULL: since before
-- any period) through their last day in it (NULL: still in it).
CREATE TABLE memberships (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    group_id  INTEGER NOT NULL REFERENCES groups(id),
    joined_on TEXT CHECK (joined_on IS NULL OR joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    left_on   TEXT CHECK (left_on IS NULL OR left_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    CHECK (joined_on IS NULL OR left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX memberships_by_group ON memberships (group_id);
CREATE INDEX memberships_by_person ON memberships (person_id);

-- A per-person target: each person of the group, at least min per period.
ALTER TABLE targets ADD COLUMN each_group INTEGER REFERENCES groups(id);

-- The people a record names, linked when it was written: the name as typed
-- stays in records.participants, and a link keeps pointing at its person
-- when a second person of the same name joins the roster or a name is
-- corrected.
CREATE TABLE record_people (
    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    PRIMARY KEY (record_id, name)
) WITHOUT ROWID;
CREATE INDEX record_people_by_person ON record_people (person_id);

-- taizhang ledger, schema 1: duties, their yearly targets, and records.
PRAGMA application_id = 1415203911;

CREATE TABLE duties (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (title <> ''),
    category    TEXT NOT NULL CHECK (category IN ('study','talk','lesson','meeting','report','research','education','other')),
    description TEXT NOT NULL DEFAULT '',
    basis       TEXT NOT NULL DEFAULT '',
    archived_on TEXT CHECK (archived_on IS NULL OR archived_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE targets (
    duty_id    INTEGER NOT NULL REFERENCES duties(id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    cadence    TEXT NOT NULL CHECK (cadence IN ('week','month','quarter','half','year')),
    min        INTEGER NOT NULL CHECK (min >= 1),
    start_date TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    PRIMARY KEY (year, duty_id)
) WITHOUT ROWID;

CREATE TABLE records (
    id           INTEGER PRIMARY KEY,
    duty_id      INTEGER NOT NULL REFERENCES duties(id),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    topic        TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    place        TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- A year's status reads (duty_id, date) for a date range; the covering index
-- answers it without touching the table.
CREATE INDEX records_by_date ON records (date, duty_id);
CREATE INDEX records_by_duty ON records (duty_id, date);

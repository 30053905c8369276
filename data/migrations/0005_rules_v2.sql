-- taizhang ledger, schema 5: rules version 2.
-- A record may name the earlier period it was for (所属期间, written
-- 2026-H2, 2026-08, 2026-W05…), where it counts instead of the period of
-- its date. Few records do, so a partial index finds them.
ALTER TABLE records ADD COLUMN for_period TEXT
    CHECK (for_period IS NULL OR for_period GLOB '[0-9][0-9][0-9][0-9]*');
CREATE INDEX records_for ON records (for_period) WHERE for_period IS NOT NULL;

-- A period of a duty excused with a reason: not required, neither met nor
-- missed.
CREATE TABLE excuses (
    duty_id    INTEGER NOT NULL REFERENCES duties(id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]*'),
    reason     TEXT NOT NULL CHECK (reason <> ''),
    created_at TEXT NOT NULL,
    PRIMARY KEY (duty_id, period)
) WITHOUT ROWID;
CREATE INDEX excuses_by_year ON excuses (year);

-- The officer's post start date (任职日期).
ALTER TABLE profile ADD COLUMN start_date TEXT
    CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');

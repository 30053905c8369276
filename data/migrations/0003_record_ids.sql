-- taizhang ledger, schema 3: record ids are never reused (AUTOINCREMENT),
-- so undoing a change in one window can never touch a record that another
-- process wrote since under a freed id.
CREATE TABLE records_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    duty_id      INTEGER NOT NULL REFERENCES duties(id),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    topic        TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    place        TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
INSERT INTO records_new (id, duty_id, date, topic, participants, place, note, created_at, updated_at)
    SELECT id, duty_id, date, topic, participants, place, note, created_at, updated_at FROM records;
DROP TABLE records;
ALTER TABLE records_new RENAME TO records;
CREATE INDEX records_by_date ON records (date, duty_id);
CREATE INDEX records_by_duty ON records (duty_id, date);

-- taizhang ledger, schema 8: why a duty was archived (岗位调整、职责划转),
-- said in the year-end documents beside the day it stopped being required.
ALTER TABLE duties ADD COLUMN archive_reason TEXT NOT NULL DEFAULT '';

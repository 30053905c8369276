-- taizhang ledger, schema 4: every duty and record carries rev, a random
-- token replaced on every change. An edit or delete names the rev it was
-- shown, so a form opened before another window's edit, or before a
-- restore brought back other rows under the same ids, is refused instead
-- of overwriting or deleting a record its user never saw.
ALTER TABLE duties ADD COLUMN rev TEXT NOT NULL DEFAULT '';
ALTER TABLE records ADD COLUMN rev TEXT NOT NULL DEFAULT '';
UPDATE duties SET rev = lower(hex(randomblob(8)));
UPDATE records SET rev = lower(hex(randomblob(8)));
-- Writes that do not set rev themselves still give the row a new one.
CREATE TRIGGER duties_rev_insert AFTER INSERT ON duties WHEN NEW.rev = '' BEGIN
    UPDATE duties SET rev = lower(hex(randomblob(8))) WHERE id = NEW.id;
END;
CREATE TRIGGER records_rev_insert AFTER INSERT ON records WHEN NEW.rev = '' BEGIN
    UPDATE records SET rev = lower(hex(randomblob(8))) WHERE id = NEW.id;
END;
CREATE TRIGGER duties_rev_update AFTER UPDATE ON duties WHEN NEW.rev = OLD.rev BEGIN
    UPDATE duties SET rev = lower(hex(randomblob(8))) WHERE id = NEW.id;
END;
CREATE TRIGGER records_rev_update AFTER UPDATE ON records WHEN NEW.rev = OLD.rev BEGIN
    UPDATE records SET rev = lower(hex(randomblob(8))) WHERE id = NEW.id;
END;

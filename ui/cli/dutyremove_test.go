package cli

import (
	"strings"
	"testing"
)

// duty remove takes back a duty added by mistake; one with records is
// refused in one sentence, exit 2, and kept.
func TestDutyRemove(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "误加的事项", "--category", "other", "--cadence", "quarter", "--min", "1")
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	ok(t, db, "log", "会前学法", "--date", "2026-03-05", "--topic", "学法")
	if out := ok(t, db, "duty", "remove", "误加"); !strings.Contains(out, "已删除事项 1：误加的事项") {
		t.Errorf("remove said %q", out)
	}
	if list := ok(t, db, "duty", "list", "--all"); strings.Contains(list, "误加的事项") {
		t.Errorf("still listed:\n%s", list)
	}
	r := run(t, db, "duty", "remove", "会前学法")
	if r.code != 2 || !strings.Contains(r.stderr, "已有1条记录，不能删除；不再需要时请归档。") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("remove of a duty with a record: %+v", r)
	}
	en := run(t, db, "--lang", "en", "duty", "remove", "会前学法")
	if en.code != 2 || !strings.Contains(en.stderr, "has 1 records, so it cannot be removed") {
		t.Errorf("English: %+v", en)
	}
	if list := ok(t, db, "duty", "list"); !strings.Contains(list, "会前学法") {
		t.Errorf("the duty with a record is gone:\n%s", list)
	}
}

package cli

import (
	"strings"
	"testing"
)

// due counts a per-person duty's current period in what it requires of
// everyone (credited/needed), as status does, not one person's minimum.
func TestDueCountsAPerPersonDutyByPeople(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "people", "add", "--name", "张三", "--group", "科室干部")
	ok(t, db, "people", "add", "--name", "李四", "--group", "科室干部")
	ok(t, db, "people", "add", "--name", "王五", "--group", "科室干部")
	ok(t, db, "duty", "add", "--title", "谈心谈话", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "科室干部")
	ok(t, db, "log", "谈心谈话", "--with", "张三")
	out := ok(t, db, "due")
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "谈心谈话") {
			line = l
		}
	}
	if f := strings.Fields(line); len(f) < 5 || f[3] != "1/3人" || f[4] != "2" {
		t.Fatalf("due shows the per-person duty as %q, want 1/3人 done and 2 owed\n%s", line, out)
	}
}

// The plan's closing line in English agrees in number: one duty already
// kept "is skipped".
func TestPlanSaysOneKeptDutyInTheSingular(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	plan := writeFile(t, "计划.txt", []byte("每月开展1次会前集中学法。\n全年开展调研活动不少于12次。\n"))
	out := ok(t, db, "--lang", "en", "plan", plan)
	if !strings.Contains(out, "(the one already kept is skipped)") {
		t.Fatalf("plan:\n%s", out)
	}
}

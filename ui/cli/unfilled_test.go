package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A per-person duty whose group nobody is in yet says so in status, due
// and status --json, in both languages, and never reads as 0/0人.
func TestUnfilledRosterIsShownAsSuch(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "section-chief")
	for _, c := range []struct {
		args  []string
		wants []string
	}{
		{[]string{"status"}, []string{"名单未填", "“科室干部”名单未填，无法统计谈话覆盖；用 taizhang people add --name 姓名 --group 科室干部 添加。"}},
		{[]string{"--lang", "en", "status"}, []string{"no people", `nobody is in "科室干部" yet`, "taizhang people add --name NAME --group 科室干部"}},
		{[]string{"due"}, []string{"“科室干部”名单未填"}},
		{[]string{"--lang", "en", "due"}, []string{`nobody is in "科室干部" yet`}},
	} {
		out := ok(t, db, c.args...)
		for _, w := range c.wants {
			if !strings.Contains(out, w) {
				t.Errorf("%v does not say %q:\n%s", c.args, w, out)
			}
		}
		if strings.Contains(out, "0/0") {
			t.Errorf("%v reads 0/0:\n%s", c.args, out)
		}
	}
	var js struct {
		Duties []struct {
			Each     string
			Coverage *struct {
				RosterEmpty bool `json:"roster_empty"`
			}
		}
	}
	if err := json.Unmarshal([]byte(ok(t, db, "status", "--json")), &js); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range js.Duties {
		if d.Coverage != nil {
			n++
			if !d.Coverage.RosterEmpty || d.Each != "科室干部" {
				t.Errorf("status --json: %+v", d)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d per-person duties in status --json, want 1", n)
	}
	// due --json names it too, with the same field, as the text does below
	// its list (a narrower --within included): it owes nothing yet.
	for _, args := range [][]string{{"due", "--json"}, {"due", "--json", "--within", "1"}} {
		var due []dueOut
		if err := json.Unmarshal([]byte(ok(t, db, args...)), &due); err != nil {
			t.Fatal(err)
		}
		var found []dueOut
		for _, d := range due {
			if d.Coverage != nil {
				found = append(found, d)
			}
		}
		if len(found) != 1 || !found[0].Coverage.RosterEmpty || found[0].Coverage.Group != "科室干部" || found[0].Owed != 0 ||
			found[0].Duty != "与科室党员干部谈心谈话" || found[0].Period != "2026" || found[0].End != "2026-12-31" {
			t.Errorf("%v: per-person duties %+v", args, found)
		}
	}
	// Once someone is in the group, the line goes and the count is shown.
	ok(t, db, "people", "add", "--name", "张三", "--group", "科室干部")
	if st := ok(t, db, "status"); strings.Contains(st, "名单未填") || !strings.Contains(st, "0/1人") {
		t.Errorf("status with one member:\n%s", st)
	}
	var due []dueOut
	if err := json.Unmarshal([]byte(ok(t, db, "due", "--json")), &due); err != nil {
		t.Fatal(err)
	}
	for _, d := range due {
		if d.Coverage != nil && (d.Coverage.RosterEmpty || d.Owed != 1) {
			t.Errorf("due --json with one member: %+v %+v", d, *d.Coverage)
		}
	}
}

func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{"科室干部": "科室干部", "Section staff": "'Section staff'", "it's": `'it'\''s'`, "": "''", "a;b": "'a;b'"} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}

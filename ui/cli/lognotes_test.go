package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// A talk with someone who was in the group at another time (left before
// its date, joined after) gets the same one-line note as a name not on the
// roster, unless the period it counts in still requires them; a name
// written twice is noted and counted once; a participants field of
// separators only is stored empty.
func TestLogNotesParticipantsOutOfTheGroupThen(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "people", "add", "--name", "张伟", "--group", "科室干部")
	ok(t, db, "people", "add", "--name", "王五", "--group", "科室干部")
	ok(t, db, "people", "add", "--name", "李四", "--group", "科室干部", "--from", "2026-10-01")
	ok(t, db, "people", "leave", "王五", "--group", "科室干部", "--date", "2026-08-31")
	ok(t, db, "duty", "add", "--title", "谈心谈话", "--category", "talk", "--cadence", "month", "--min", "1", "--each", "科室干部")
	ok(t, db, "duty", "add", "--title", "年度谈话", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "科室干部")

	for _, c := range []struct {
		lang, with, date, want string
	}{
		{"zh", "王五", "2026-09-15", "注意：王五 在2026-09-15不在“科室干部”分组中，这次不计入其谈话覆盖；记录已按原样保存。"},
		{"zh", "李四", "2026-09-20", "注意：李四 在2026-09-20不在“科室干部”分组中"},
		{"en", "王五", "2026-09-16", `Note: 王五 not in the group "科室干部" on 2026-09-16, so this record does not count in their coverage`},
		{"zh", "张伟、张伟", "2026-09-17", "注意：张伟 写了不止一次，只计一次；记录已按原样保存。"},
		{"en", "张伟、张伟", "2026-09-18", "Note: 张伟 written more than once, counted once"},
	} {
		r := run(t, db, "--lang", c.lang, "log", "谈心谈话", "--date", c.date, "--with", c.with)
		if r.code != 0 || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("log --with %q on %s: exit %d, stderr %q", c.with, c.date, r.code, r.stderr)
		}
	}
	// In the group on the day, or required in the period the record counts
	// in (王五 was in the group most of the year): no note.
	for _, args := range [][]string{
		{"log", "谈心谈话", "--date", "2026-08-20", "--with", "王五"},
		{"log", "谈心谈话", "--date", "2026-10-20", "--with", "李四、张伟"},
		{"log", "年度谈话", "--date", "2026-09-15", "--with", "王五"},
	} {
		if r := run(t, db, args...); r.code != 0 || r.stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	// Separators only: nobody, stored empty, as the form stores it.
	ok(t, db, "log", "谈心谈话", "--date", "2026-11-02", "--with", "、、 ,,", "--topic", "空名单")
	var recs []recordOut
	json.Unmarshal([]byte(ok(t, db, "records", "--json", "--duty", "谈心谈话")), &recs)
	if len(recs) == 0 || recs[0].Topic != "空名单" || recs[0].With != "" {
		t.Errorf("the record of separators only: %+v", recs[:min(1, len(recs))])
	}
}

// Logging a record for a period excused earlier says, in one line, that
// the record meets it and the report no longer lists the excuse, which
// stays in the ledger.
func TestLogForAnExcusedPeriodSaysTheExcuseGivesWay(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "主题党日", "--category", "meeting", "--cadence", "month", "--min", "1")
	ok(t, db, "excuse", "主题党日", "2026-08", "--reason", "病休")
	if md := ok(t, db, "export", "--year", "2026", "-o", "-"); !strings.Contains(md, "病休") {
		t.Fatalf("the report before the record does not give the excuse:\n%s", md)
	}
	r := run(t, db, "log", "主题党日", "--date", "2026-09-10", "--for", "2026-08")
	if want := "注意：主题党日 2026年8月原已说明免于要求（病休），这条记录使其达标，报告的说明事项不再列出该说明；说明仍留在台账中。"; r.code != 0 || !strings.Contains(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("log for an excused month: exit %d, stderr %q", r.code, r.stderr)
	}
	var st statusOut
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	if aug := st.Duties[0].Periods[7]; aug.State != "met" {
		t.Errorf("August after the record: %+v", aug)
	}
	if md := ok(t, db, "export", "--year", "2026", "-o", "-"); strings.Contains(md, "病休") {
		t.Errorf("the report still gives the excuse of a month met:\n%s", md)
	}
	// A second record in the met month, and a record in a month not
	// excused, say nothing more.
	for _, args := range [][]string{
		{"log", "主题党日", "--date", "2026-09-12", "--for", "2026-08"},
		{"log", "主题党日", "--date", "2026-09-13"},
	} {
		if r := run(t, db, args...); r.code != 0 || r.stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	ok(t, db, "excuse", "主题党日", "2026-10", "--reason", "上级统一组织")
	en := run(t, db, "--lang", "en", "log", "主题党日", "--date", "2026-10-15")
	if want := "Note: Oct 2026 of 主题党日 was excused (上级统一组织) and this record meets it, so the report no longer lists the excuse among its notes; the excuse stays in the ledger."; en.code != 0 || !strings.Contains(en.stderr, want) {
		t.Errorf("English: exit %d, stderr %q", en.code, en.stderr)
	}
}

// people list lays its group column out from the left, header and rows,
// as every other table does.
func TestPeopleListGroupColumnIsLeftAligned(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "people", "add", "--name", "张伟", "--group", "科室干部")
	ok(t, db, "people", "add", "--name", "赵一", "--group", "分管科室负责人")
	for _, c := range []struct{ lang, head string }{{"zh", "分组"}, {"en", "Group"}} {
		out := ok(t, db, "--lang", c.lang, "people", "list")
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		if len(lines) != 3 || !strings.HasPrefix(lines[0], c.head+" ") || !strings.HasPrefix(lines[1], "科室干部  ") || !strings.HasPrefix(lines[2], "分管科室负责人  ") {
			t.Errorf("people list in %s:\n%s", c.lang, out)
		}
	}
}

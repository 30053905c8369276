package cli

import (
	"encoding/json"
	"github.com/xuri/excelize/v2"
	"os"
	"reflect"
	"strings"
	"testing"
)

// Nine section chiefs, talks naming them, and at any moment who is left:
// the roster, a per-person duty, status and its JSON, the warning on a
// name outside the group, and leaving.
func TestPeopleAndCoverage(t *testing.T) {
	db := newLedger(t)
	chiefs := []string{"赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八", "冯九"}
	for _, n := range chiefs {
		ok(t, db, "people", "add", "--name", n, "--group", "分管科室负责人")
	}
	ok(t, db, "people", "add", "--name", "陈十", "--group", "分管科室负责人", "--from", "2026-10-01", "--note", "新任")
	out := ok(t, db, "duty", "add", "--title", "提醒谈话", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "分管科室负责人")
	if !strings.Contains(out, "分管科室负责人每人每年不少于1次") {
		t.Errorf("duty add said %q", out)
	}
	for i, n := range chiefs[:7] {
		out = ok(t, db, "log", "提醒谈话", "--date", "2026-0"+string(rune('1'+i))+"-10", "--with", n)
	}
	if !strings.Contains(out, "覆盖 7/9人，尚未谈话：王八、冯九") {
		t.Errorf("log said %q", out)
	}
	// The same person again counts once; a name outside the group warns.
	r := run(t, db, "log", "提醒谈话", "--date", "2026-09-10", "--with", "赵一、外单位老刘")
	if r.code != 0 || !strings.Contains(r.stderr, "老刘") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("log outside the group: exit %d stderr %q", r.code, r.stderr)
	}
	en := run(t, db, "--lang", "en", "log", "提醒谈话", "--date", "2026-09-11", "--with", "外单位老刘")
	if en.code != 0 || !strings.Contains(en.stderr, "not in the group") {
		t.Errorf("English warning: %q", en.stderr)
	}
	st := ok(t, db, "status")
	if !strings.Contains(st, "7/9人") || !strings.Contains(st, "尚未谈话（7/9人）：王八、冯九") {
		t.Errorf("status:\n%s", st)
	}
	if due := ok(t, db, "due"); !strings.Contains(due, "7/9人") {
		t.Errorf("due:\n%s", due)
	}
	if st := ok(t, db, "--lang", "en", "status"); !strings.Contains(st, "7/9 people") {
		t.Errorf("English status:\n%s", st)
	}
	var js struct {
		Duties []struct {
			Coverage struct {
				Required, Covered, Missing []string
				Times                      int
			}
		}
	}
	if err := json.Unmarshal([]byte(ok(t, db, "status", "--json")), &js); err != nil {
		t.Fatal(err)
	}
	c := js.Duties[0].Coverage
	if len(c.Required) != 9 || len(c.Covered) != 7 || !reflect.DeepEqual(c.Missing, []string{"王八", "冯九"}) || c.Times != 10 {
		t.Errorf("status --json coverage = %+v", c)
	}
	// 冯九 left in March: no longer required.
	ok(t, db, "people", "leave", "冯九", "--group", "分管科室负责人", "--date", "2026-03-31")
	if st := ok(t, db, "status"); !strings.Contains(st, "7/8人") {
		t.Errorf("after leaving:\n%s", st)
	}
	list := ok(t, db, "people", "list")
	if !strings.Contains(list, "至2026-03-31") || !strings.Contains(list, "2026-10-01起") {
		t.Errorf("people list:\n%s", list)
	}
	var people []struct {
		Name   string
		Groups []struct{ Group, Joined, Left string }
	}
	if err := json.Unmarshal([]byte(ok(t, db, "people", "list", "--json")), &people); err != nil || len(people) != 10 {
		t.Fatalf("people list --json: %v %d", err, len(people))
	}
	// A rename keeps the records pointing at the person.
	ok(t, db, "people", "edit", "赵一", "--name", "赵壹")
	if st := ok(t, db, "status"); !strings.Contains(st, "7/8人") {
		t.Errorf("after a rename:\n%s", st)
	}
	// Carry copies the per-person target with its group.
	ok(t, db, "carry", "--from", "2026", "--to", "2027")
	if st := ok(t, db, "duty", "list", "--year", "2027"); !strings.Contains(st, "分管科室负责人每人") {
		t.Errorf("carried:\n%s", st)
	}
}

// Bad roster input: one sentence, exit 2, nothing written, in both languages.
func TestPeopleBadInput(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "people", "add", "--name", "张三", "--group", "科室干部", "--from", "2026-03-01")
	ok(t, db, "people", "add", "--name", "张伟", "--note", "财务科", "--group", "科室干部")
	ok(t, db, "duty", "add", "--title", "谈心谈话", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "科室干部")
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"empty name", []string{"people", "add", "--name", " ", "--group", "科室干部"}, "name is empty"},
		{"taken name", []string{"people", "add", "--name", "张三", "--group", "科室干部"}, "already on the roster"},
		{"same name, no note", []string{"people", "add", "--name", "张伟", "--group", "科室干部"}, "give this 张伟 a note too"},
		{"same name, same note", []string{"people", "add", "--name", "张伟", "--note", "财务科", "--group", "科室干部"}, "with the same note"},
		{"two names", []string{"people", "add", "--name", "张三、李四", "--group", "科室干部"}, "cannot hold"},
		{"empty group", []string{"people", "add", "--name", "李四", "--group", ""}, "group is empty"},
		{"bad from", []string{"people", "add", "--name", "李四", "--group", "科室干部", "--from", "03-01"}, "not a valid date"},
		{"leave before join", []string{"people", "leave", "张三", "--group", "科室干部", "--date", "2026-02-01"}, "before"},
		{"leave a group not in", []string{"people", "leave", "张三", "--group", "党员", "--date", "2026-05-01"}, "not in the group"},
		{"leave unknown person", []string{"people", "leave", "王五", "--group", "科室干部", "--date", "2026-05-01"}, "not on the roster"},
		{"edit nothing", []string{"people", "edit", "张三"}, "Nothing to change"},
		{"list unknown group", []string{"people", "list", "--group", "党员"}, "no group"},
		{"unknown group on a per-person duty", []string{"duty", "add", "--title", "x", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "党员"}, "no group"},
		{"weekly per-person duty", []string{"duty", "add", "--title", "x", "--category", "talk", "--cadence", "week", "--min", "1", "--each", "科室干部"}, "monthly"},
		{"edit to weekly per person", []string{"duty", "edit", "谈心谈话", "--cadence", "week"}, "monthly"},
	}
	before := dump(t, db) + ok(t, db, "people", "list", "--json") + ok(t, db, "duty", "list", "--json")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, db, append([]string{"--lang", "en"}, tt.args...)...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.says) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
				t.Errorf("exit %d stderr %q stdout %q, want 2 saying %q", r.code, r.stderr, r.stdout, tt.says)
			}
			zh := run(t, db, tt.args...)
			if zh.code != 2 || strings.Count(zh.stderr, "\n") != 1 || !strings.HasPrefix(zh.stderr, "taizhang: ") {
				t.Errorf("in Chinese: exit %d stderr %q", zh.code, zh.stderr)
			}
			if after := dump(t, db) + ok(t, db, "people", "list", "--json") + ok(t, db, "duty", "list", "--json"); after != before {
				t.Fatalf("the ledger changed:\n%s\n%s", before, after)
			}
		})
	}
}

// The year-end documents say who was covered: the summary's sentence, a
// 谈话覆盖 sheet (people × per-person duties, blank where not required)
// and the JSON export's roster.
func TestCoverageInExports(t *testing.T) {
	db := newLedger(t)
	for _, p := range [][]string{{"张三", ""}, {"李四", ""}, {"王五", "2026-10-01"}} {
		args := []string{"people", "add", "--name", p[0], "--group", "科室干部"}
		if p[1] != "" {
			args = append(args, "--from", p[1])
		}
		ok(t, db, args...)
	}
	ok(t, db, "duty", "add", "--title", "谈心谈话", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "科室干部", "--year", "2025")
	ok(t, db, "people", "edit", "王五", "--join", "分管科室负责人")
	ok(t, db, "duty", "add", "--title", "提醒谈话", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "分管科室负责人", "--year", "2025")
	ok(t, db, "log", "谈心谈话", "--date", "2025-03-01", "--with", "张三")
	ok(t, db, "log", "谈心谈话", "--date", "2025-04-01", "--with", "张三")
	dir := t.TempDir()
	read := func(args ...string) string {
		t.Helper()
		out := dir + "/out" + args[len(args)-1]
		ok(t, db, append(args[:len(args)-1], "-o", out)...)
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	md := read("export", "--year", "2025", "--format", "md", ".md")
	if !strings.Contains(md, "2人次，覆盖1人（应覆盖2人），尚未谈话：李四。") {
		t.Errorf("summary:\n%s", md)
	}
	if en := read("--lang", "en", "export", "--year", "2025", "--format", "md", ".en.md"); !strings.Contains(en, "covering 1 of 2 people in 科室干部; not yet talked to: 李四.") {
		t.Errorf("English summary:\n%s", en)
	}
	ok(t, db, "log", "谈心谈话", "--date", "2025-05-01", "--with", "外单位老刘")
	x := dir + "/2025.xlsx"
	ok(t, db, "export", "--year", "2025", "--format", "xlsx", "-o", x)
	f, err := excelize.OpenFile(x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("谈话覆盖")
	if err != nil {
		t.Fatalf("no 谈话覆盖 sheet: %v (%v)", err, f.GetSheetList())
	}
	want := [][]string{{"姓名", "谈心谈话（科室干部每人每年不少于1次）", "提醒谈话（分管科室负责人每人每年不少于1次）"},
		{"张三", "2 ✓"}, {"李四", "0 ✗"}, {"王五", "", "0 ✗"},
		// under the people: the coverage, and the names that count for no one
		{"覆盖", "1/2人", "0/1人"}, {"名单外", "外单位老刘"}}
	if got := rows[1:]; !reflect.DeepEqual(got, want) {
		t.Errorf("谈话覆盖 = %q, want %q", got, want)
	}
	js := read("export", "--year", "2025", "--format", "json", ".json")
	if !strings.Contains(js, `"each": "科室干部"`) || !strings.Contains(js, `"people": [`) || !strings.Contains(js, `"joined": "2026-10-01"`) {
		t.Errorf("json export lacks the roster:\n%s", js)
	}
}

// A talk naming a name two people share, without what tells them apart,
// is refused for a per-person duty — it would count for neither — with the
// two written out; written in full it counts. Other duties keep the name
// as written.
func TestLogAmbiguousName(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "people", "add", "--name", "张伟", "--note", "财务科", "--group", "科室干部")
	ok(t, db, "people", "add", "--name", "张伟", "--note", "办公室", "--group", "科室干部")
	ok(t, db, "duty", "add", "--title", "谈心谈话", "--category", "talk", "--cadence", "year", "--min", "1", "--each", "科室干部")
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	for _, lang := range []string{"zh", "en"} {
		r := run(t, db, "--lang", lang, "log", "谈心谈话", "--date", "2026-03-10", "--with", "张伟")
		if r.code != 2 || !strings.Contains(r.stderr, "张伟（财务科）") || !strings.Contains(r.stderr, "张伟（办公室）") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s: exit %d stderr %q", lang, r.code, r.stderr)
		}
	}
	if out := ok(t, db, "records"); strings.Contains(out, "谈心谈话") {
		t.Fatalf("a refused talk was written:\n%s", out)
	}
	if out := ok(t, db, "log", "谈心谈话", "--date", "2026-03-10", "--with", "张伟(财务科)"); !strings.Contains(out, "1/2人") {
		t.Errorf("log with the full name said %q", out)
	}
	ok(t, db, "log", "会前学法", "--date", "2026-03-11", "--with", "张伟")
}

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"taizhang/ui/cells"
)

// fixedNow is the day the tests live on.
var fixedNow = time.Date(2026, 11, 22, 10, 0, 0, 0, time.Local)

type result struct {
	code           int
	stdout, stderr string
}

// run runs the command line in-process on the ledger db.
func run(t *testing.T, db string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := Main(full, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: func() time.Time { return fixedNow }, Version: "test"})
	return result{code, out.String(), errb.String()}
}

func ok(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := run(t, db, args...)
	if r.code != 0 {
		t.Fatalf("taizhang %s: exit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r.stdout
}

func newLedger(t *testing.T) string {
	t.Helper()
	t.Setenv("TAIZHANG_DB", "")
	return filepath.Join(t.TempDir(), "taizhang.db")
}

func TestYearOfRecords(t *testing.T) {
	db := newLedger(t)
	out := ok(t, db, "template", "apply", "leadership")
	if !strings.Contains(out, "19") {
		t.Errorf("template apply said %q", out)
	}
	// A year of monthly law study, every month through November.
	for m := 1; m <= 11; m++ {
		out := ok(t, db, "log", "会前学法", "--date", time.Date(2026, time.Month(m), 8, 0, 0, 0, 0, time.UTC).Format("2006-01-02"),
			"--topic", "学习法律法规", "--with", "张三、李四", "--place", "三楼会议室")
		if !strings.Contains(out, "会前学法") {
			t.Fatalf("log said %q", out)
		}
	}
	// Twelve research visits, all before the end of September: done early.
	for i := 0; i < 12; i++ {
		ok(t, db, "log", "调研", "--date", time.Date(2026, time.Month(1+i%9), 10+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02"), "--topic", "基层调研")
	}
	// The mid-year report as of June 30.
	var mid struct {
		Year    int    `json:"year"`
		AsOf    string `json:"as_of"`
		Duties  []map[string]any
		Figures map[string]any
	}
	if err := json.Unmarshal([]byte(ok(t, db, "status", "--as-of", "2026-06-30", "--json")), &mid); err != nil {
		t.Fatal(err)
	}
	if mid.Year != 2026 || mid.AsOf != "2026-06-30" || len(mid.Duties) != 19 {
		t.Fatalf("mid-year status: year %d as_of %s, %d duties", mid.Year, mid.AsOf, len(mid.Duties))
	}
	status := map[string]string{}
	for _, d := range mid.Duties {
		status[d["title"].(string)] = d["status"].(string)
	}
	if status["会前学法"] != "on_track" || status["开展调研"] != "on_track" || status["参加所在支部党员大会"] != "missed" {
		t.Errorf("mid-year statuses: %v", status)
	}
	// Today, November 22.
	var now statusOut
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &now)
	byTitle := map[string]dutyStatusOut{}
	for _, d := range now.Duties {
		byTitle[d.Title] = d
	}
	if d := byTitle["开展调研"]; d.Status != "done" || d.Done != 12 || d.Credited != 12 {
		t.Errorf("research = %+v", d)
	}
	if d := byTitle["会前学法"]; d.Status != "on_track" || d.Done != 11 || d.Required != 12 || len(d.Periods) != 12 {
		t.Errorf("law study = %+v", d)
	}
	if now.Figures.Done != 1 || now.Figures.Duties != 19 {
		t.Errorf("figures = %+v", now.Figures)
	}
	// The table and the one-liner agree.
	table := ok(t, db, "status")
	if !strings.Contains(table, "开展调研") || !strings.Contains(table, "已完成") {
		t.Errorf("status table:\n%s", table)
	}
	if short := ok(t, db, "status", "--short"); !strings.HasPrefix(short, "2026 完成1/19") || strings.Count(short, "\n") != 1 {
		t.Errorf("short = %q", short)
	}
	if short := ok(t, db, "--lang", "en", "status", "--short"); !strings.HasPrefix(short, "2026 done 1/19") {
		t.Errorf("short en = %q", short)
	}
	// Records come back with what was logged.
	var recs []recordOut
	json.Unmarshal([]byte(ok(t, db, "records", "--duty", "会前学法", "--json")), &recs)
	if len(recs) != 11 || recs[0].Date != "2026-11-08" || recs[0].With != "张三、李四" || recs[0].Duty != "会前学法" {
		t.Errorf("records = %+v", recs)
	}
	// Back up, break things, restore.
	backup := filepath.Join(t.TempDir(), "backup.db")
	ok(t, db, "backup", backup)
	ok(t, db, "duty", "archive", "会前学法")
	ok(t, db, "restore", backup)
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &now)
	if len(now.Duties) != 19 || now.Figures.Done != 1 {
		t.Errorf("after restore: %d duties, %d done", len(now.Duties), now.Figures.Done)
	}
}

func TestStatusJSONShape(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "提醒谈话", "--category", "talk", "--cadence", "year", "--min", "1")
	got := ok(t, db, "status", "--as-of", "2026-06-30", "--json")
	var v map[string]any
	if err := json.Unmarshal([]byte(got), &v); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"year": 2026.0, "as_of": "2026-06-30",
		"duties": []any{map[string]any{
			"id": 1.0, "title": "提醒谈话", "category": "talk", "cadence": "year", "min": 1.0, "required": 1.0,
			"done": 0.0, "credited": 0.0, "status": "on_track", "verdict": "in_progress", "now": "on_track",
			"periods": []any{map[string]any{"start": "2026-01-01", "end": "2026-12-31", "count": 0.0, "state": "open",
				"period": "2026", "excused": false}},
		}},
		"figures": map[string]any{"duties": 1.0, "done": 0.0, "missed": 0.0, "behind": 0.0, "due_soon": 0.0,
			"on_track": 1.0, "not_started": 0.0, "archived": 0.0, "owed": 1.0, "required": 1.0, "credited": 0.0, "rate": 0.0},
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("status --json =\n%s", got)
	}
}

func TestDutyCommands(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "开展调研", "--category", "调研", "--cadence", "每年", "--min", "12", "--basis", "《工作计划》第5条")
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1", "--start", "2026-07-01")
	ok(t, db, "duty", "edit", "调研", "--min", "10", "--title", "开展调研活动")
	ok(t, db, "duty", "edit", "2", "--year", "2027", "--cadence", "quarter", "--min", "2")
	var list []dutyOut
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--json")), &list)
	if len(list) != 2 || list[0].Title != "开展调研活动" || list[0].Target.Min != 10 || list[0].Basis != "《工作计划》第5条" {
		t.Fatalf("duty list = %+v", list)
	}
	if list[1].Target.Start != "2026-07-01" {
		t.Errorf("start date = %q", list[1].Target.Start)
	}
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--year", "2027", "--json")), &list)
	if len(list) != 1 || list[0].Target.Cadence != "quarter" {
		t.Errorf("2027 duties = %+v", list)
	}
	ok(t, db, "carry", "--from", "2026", "--to", "2027")
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--year", "2027", "--json")), &list)
	if len(list) != 2 || list[1].Target.Cadence != "quarter" || list[0].Target.Min != 10 {
		t.Errorf("after carry, 2027 duties = %+v", list)
	}
	ok(t, db, "duty", "archive", "会前学法")
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--json")), &list)
	if len(list) != 2 || list[1].Archived != "2026-11-22" {
		t.Errorf("after archive = %+v", list)
	}
	// It still counts this year, up to the archive date (November, unmet on
	// the day, is not required); not next year.
	var st statusOut
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	if len(st.Duties) != 2 || st.Duties[0].Title != "会前学法" || st.Duties[0].Required != 4 {
		t.Errorf("this year after archiving: %+v", st.Duties)
	}
	json.Unmarshal([]byte(ok(t, db, "status", "--json", "--year", "2027")), &st)
	if len(st.Duties) != 1 {
		t.Errorf("archived duty still counted next year: %+v", st.Duties)
	}
	ok(t, db, "duty", "archive", "会前学法", "--restore")
	json.Unmarshal([]byte(ok(t, db, "status", "--json", "--year", "2027")), &st)
	if len(st.Duties) != 2 {
		t.Errorf("restored duty not counted: %+v", st.Duties)
	}
	if out := ok(t, db, "template", "list"); !strings.Contains(out, "section-chief") || !strings.Contains(out, "参加支部党员大会") {
		t.Errorf("template list:\n%s", out)
	}
	if out := ok(t, db, "--lang", "en", "template", "list"); !strings.Contains(out, "Attend branch general meeting") {
		t.Errorf("template list in English:\n%s", out)
	}
}

func TestVersionAndHelp(t *testing.T) {
	db := newLedger(t)
	if out := ok(t, db, "--version"); !strings.Contains(out, "taizhang test") {
		t.Errorf("--version = %q", out)
	}
	if out := ok(t, db, "--help"); !strings.Contains(out, "status") || !strings.Contains(out, "log") {
		t.Errorf("--help = %q", out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("--version or --help created a ledger")
	}
}

func TestDemo(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "demo", "--years", "2", "--duties", "40", "--records", "800")
	var recs []recordOut
	json.Unmarshal([]byte(ok(t, db, "records", "--json")), &recs)
	if len(recs) < 300 {
		t.Errorf("only %d records this year", len(recs))
	}
	r := run(t, db, "demo")
	if r.code != 2 || !strings.Contains(r.stderr, "已有数据") {
		t.Errorf("demo on a full ledger: %+v", r)
	}
}

// A weekly duty's year runs by ISO weeks: records --duty lists what its
// periods count (2025-12-30 falls in week 1 of 2026), while the year's
// whole list is the calendar year, as the record log shows it.
func TestRecordsOfAWeeklyDutyFollowISOWeeks(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "周例会学习", "--category", "study", "--cadence", "week", "--min", "1", "--year", "2025")
	ok(t, db, "carry", "--from", "2025", "--to", "2026")
	ok(t, db, "duty", "add", "--title", "月度学法", "--category", "study", "--cadence", "month", "--min", "1", "--year", "2026")
	ok(t, db, "log", "周例会学习", "--date", "2025-12-27")
	ok(t, db, "log", "周例会学习", "--date", "2025-12-30")
	ok(t, db, "log", "周例会学习", "--date", "2026-01-06")
	ok(t, db, "log", "月度学法", "--date", "2026-01-06")
	dates := func(args ...string) []string {
		var recs []recordOut
		if err := json.Unmarshal([]byte(ok(t, db, append([]string{"records", "--json"}, args...)...)), &recs); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range recs {
			out = append(out, r.Date)
		}
		return out
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"--duty", "周例会", "--year", "2026"}, []string{"2026-01-06", "2025-12-30"}},
		{[]string{"--duty", "周例会", "--year", "2025"}, []string{"2025-12-27"}},
		{[]string{"--year", "2026"}, []string{"2026-01-06", "2026-01-06"}},
		{[]string{"--year", "2025"}, []string{"2025-12-30", "2025-12-27"}},
		{[]string{"--duty", "月度", "--year", "2025"}, nil}, // no target that year: the calendar year
	} {
		if got := dates(c.args...); !reflect.DeepEqual(got, c.want) {
			t.Errorf("records %v = %v, want %v", c.args, got, c.want)
		}
	}
}

// A duty handed over mid-year: archived on the day, judged as it stood
// then, still found by its title, and never given records after the day.
func TestArchivedDutyHandedOverMidYear(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "年度调研", "--category", "research", "--cadence", "year", "--min", "12")
	for m := 1; m <= 6; m++ {
		ok(t, db, "log", "年度调研", "--date", time.Date(2026, time.Month(m), 10, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
	}
	ok(t, db, "log", "年度调研", "--date", "2026-07-20")
	// Not before the last record: that record would count nowhere.
	if r := run(t, db, "duty", "archive", "年度调研", "--date", "2026-07-15"); r.code != 2 || !strings.Contains(r.stderr, "2026-07-20") {
		t.Fatalf("archive before the last record: %+v", r)
	}
	ok(t, db, "duty", "archive", "年度调研", "--date", "2026-07-20")
	var st statusOut
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	// The year, holding the archive day and not met by it, is not
	// required: nothing is, so the duty is archived, never on track.
	if len(st.Duties) != 1 || st.Duties[0].Status != "archived" || st.Duties[0].Done != 7 || st.Duties[0].Required != 0 {
		t.Errorf("archived duty = %+v", st.Duties)
	}
	if table := ok(t, db, "status"); strings.Contains(table, "2026-12-31") {
		t.Errorf("an archived duty still shows a due date:\n%s", table)
	}
	// Found by its title; a record up to the archive day is taken, and
	// says the same year figures as status.
	if out := ok(t, db, "log", "年度调研", "--date", "2026-07-18"); !strings.Contains(out, "已归档，共8次") {
		t.Errorf("log on an archived duty said %q", out)
	}
	if r := run(t, db, "log", "年度调研", "--date", "2026-07-21"); r.code != 2 || !strings.Contains(r.stderr, "归档") {
		t.Errorf("a record after the archive date: %+v", r)
	}
	var recs []recordOut
	json.Unmarshal([]byte(ok(t, db, "records", "--duty", "年度调研", "--json")), &recs)
	if len(recs) != 8 {
		t.Errorf("records of the archived duty: %d", len(recs))
	}
	if r := run(t, db, "--lang", "en", "duty", "archive", "年度调研", "--restore"); r.code != 0 {
		t.Fatalf("restore: %+v", r)
	}
	if r := run(t, db, "--lang", "en", "duty", "archive", "1", "--restore"); r.code != 2 || !strings.Contains(r.stderr, "is not archived") {
		t.Errorf("restore of an active duty: %+v", r)
	}
}

// At the turn of the year a weekly duty's date may be in the next ISO
// year: the refusal names the year whose target is missing.
func TestWeeklyDutyAtTheTurnOfTheYearNamesTheISOYear(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "周例会学习", "--category", "study", "--cadence", "week", "--min", "1", "--year", "2025")
	r := run(t, db, "log", "周例会学习", "--date", "2025-12-29")
	if r.code != 2 || !strings.Contains(r.stderr, "在2026年没有年度要求") || !strings.Contains(r.stderr, "--year 2026") {
		t.Errorf("log on 2025-12-29 (week 1 of 2026): %+v", r)
	}
	ok(t, db, "log", "周例会学习", "--date", "2025-12-28")
}

// status parsed with its own small grammar behaves exactly as with the
// whole command tree: the same output, the same refusals, the same codes.
func TestStatusGrammarMatchesTheWholeTree(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ledger.db")
	if r := run(t, db, "template", "apply", "leadership", "--year", "2026"); r.code != 0 {
		t.Fatalf("template apply: %+v", r)
	}
	if r := run(t, db, "log", "会前学法", "--date", "2026-03-02", "--topic", "学法"); r.code != 0 {
		t.Fatalf("log: %+v", r)
	}
	cases := [][]string{
		{"status"}, {"status", "--short"}, {"status", "--json"}, {"--lang", "en", "status", "--short"},
		{"--lang=en", "status", "--year", "2026", "--as-of", "2026-06-30"},
		{"status", "--short", "--json"}, {"status", "--year", "20x6"}, {"status", "--year", "1066"},
		{"status", "--shrot"}, {"status", "extra"}, {"status", "--as-of", "2026-13-01"}, {"status", "--lang", "fr"},
	}
	defer func() { wholeTree = false }()
	for _, args := range cases {
		wholeTree = false
		if g, _ := grammarFor(append([]string{"--db", db}, args...)); !isStatusGrammar(g) {
			t.Errorf("%q is not parsed with the status grammar", args)
		}
		small := run(t, db, args...)
		wholeTree = true
		whole := run(t, db, args...)
		if small != whole {
			t.Errorf("taizhang %q:\nstatus grammar: %+v\nwhole tree:     %+v", args, small, whole)
		}
	}
	for _, args := range [][]string{{"status", "--help"}, {"log", "status"}, {"--db", "status"}, {}} {
		wholeTree = false
		if g, _ := grammarFor(args); isStatusGrammar(g) {
			t.Errorf("%q is parsed with the status grammar", args)
		}
	}
}

func isStatusGrammar(g any) bool { _, ok := g.(*statusCLI); return ok }

// In a terminal 80 columns wide, the tables fit it: long titles are cut
// with an ellipsis rather than wrapped under the next column. Piped, they
// are as wide as they are.
func TestTablesFitTheTerminal(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "leadership")
	ok(t, db, "log", "专题研究分管领域意识形态工作", "--date", "2026-03-10", "--topic", "研究分管领域意识形态工作形势并部署下一步重点任务", "--with", "张三、李四、王五", "--place", "三楼第一会议室")
	for _, lang := range []string{"zh", "en"} {
		for _, args := range [][]string{{"status"}, {"duty", "list"}, {"due"}, {"records"}} {
			var out, errb bytes.Buffer
			full := append([]string{"--db", db, "--lang", lang}, args...)
			env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: func() time.Time { return fixedNow }, Version: "test", Width: 80}
			if code := Main(full, env); code != 0 {
				t.Fatalf("%v: exit %d %s", args, code, errb.String())
			}
			for _, l := range strings.Split(out.String(), "\n") {
				// (table lines: their columns are set apart by two spaces;
				// a sentence wraps as the terminal wraps it)
				if w := cells.Width(l); w > 80 && strings.Contains(l, "  ") {
					t.Errorf("%s %v: a line %d wide: %q", lang, args, w, l)
				}
			}
			if wide := ok(t, db, append([]string{"--lang", lang}, args...)...); len(wide) <= len(out.String()) && args[0] == "status" {
				t.Errorf("piped, status is no wider than fitted")
			}
		}
	}
}

// At 80 columns due keeps every row's status whole, in both languages:
// the title gives way (cut with an ellipsis), never the status word.
func TestDueAtEightyColumnsKeepsTheStatus(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "section-chief", "--people", "张三、李四、王五")
	ok(t, db, "duty", "add", "--title", "每周一次科室例会集中学习习近平新时代中国特色社会主义思想", "--category", "study", "--cadence", "week", "--min", "1")
	ok(t, db, "log", "每周一次科室例会", "--date", "2026-01-05")
	for _, lang := range []string{"zh", "en"} {
		// Piped, the table is as wide as it is: its last column is the
		// status of each row.
		var want []string
		for _, l := range strings.Split(ok(t, db, "--lang", lang, "due"), "\n") {
			if f := strings.Fields(l); len(f) > 4 && strings.Trim(f[0], "0123456789") == "" {
				f = strings.Split(l, "  ")
				want = append(want, strings.TrimSpace(f[len(f)-1]))
			}
		}
		if len(want) < 10 || !strings.Contains(strings.Join(want, "|"), map[string]string{"zh": "临期 · 全年未达标", "en": "due soon · year missed"}[lang]) {
			t.Fatalf("%s: due rows %q", lang, want)
		}
		var out, errb bytes.Buffer
		env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: func() time.Time { return fixedNow }, Version: "test", Width: 80}
		if code := Main([]string{"--db", db, "--lang", lang, "due"}, env); code != 0 {
			t.Fatalf("%s due: exit %d %s", lang, code, errb.String())
		}
		rows := strings.Split(out.String(), "\n")[1 : len(want)+1]
		for i, l := range rows {
			if w := cells.Width(l); w > 80 {
				t.Errorf("%s: a line %d wide: %q", lang, w, l)
			}
			if !strings.HasSuffix(l, "  "+want[i]) {
				t.Errorf("%s: row %d does not end in its status %q: %q", lang, i, want[i], l)
			}
		}
		if !strings.Contains(out.String(), cells.Tail) {
			t.Errorf("%s: no title was cut at 80 columns:\n%s", lang, out.String())
		}
	}
}

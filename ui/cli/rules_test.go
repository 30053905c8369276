package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// The mid-year report given on 8 July counts for 上半年; the status table
// shows credited/required, the status and the verdict beside it.
func TestLogForAnEarlierPeriod(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "向党组报告党风廉政建设工作", "--category", "report", "--cadence", "half", "--min", "1")
	ok(t, db, "duty", "add", "--title", "周例会学习", "--category", "study", "--cadence", "week", "--min", "1")
	out := ok(t, db, "log", "向党组报告", "--date", "2026-07-08", "--for", "2026年上半年")
	if !strings.Contains(out, "计入2026年上半年") || !strings.Contains(out, "上半年 1/1") {
		t.Errorf("log said %q", out)
	}
	if out := ok(t, db, "--lang", "en", "log", "周例会", "--date", "2026-02-03", "--for", "2026-w5"); !strings.Contains(out, "counted for 2026 W05") {
		t.Errorf("log en said %q", out)
	}
	var recs []recordOut
	json.Unmarshal([]byte(ok(t, db, "records", "--json")), &recs)
	if len(recs) != 2 || recs[0].For != "2026-H1" || recs[1].For != "2026-W05" {
		t.Errorf("records %+v", recs)
	}
	if table := ok(t, db, "records"); !strings.Contains(table, "计入期间") || !strings.Contains(table, "2026年上半年") {
		t.Errorf("records table:\n%s", table)
	}
	var st statusOut
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	for _, d := range st.Duties {
		if d.Title == "向党组报告党风廉政建设工作" && (d.Periods[0].State != "met" || d.Periods[1].Count != 0 || d.Verdict != "in_progress") {
			t.Errorf("report: %+v", d)
		}
	}
}

func TestExcuseCommand(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "主题党日", "--category", "meeting", "--cadence", "month", "--min", "1")
	ok(t, db, "log", "主题党日", "--date", "2026-01-10")
	out := ok(t, db, "excuse", "主题党日", "2026年8月", "--reason", "病休\x1b[2J")
	if !strings.Contains(out, "已免于要求：主题党日 2026年8月（理由：病休）") || strings.Contains(out, "\x1b") {
		t.Errorf("excuse said %q", out)
	}
	var st statusOut
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	aug := st.Duties[0].Periods[7]
	if aug.State != "excused" || !aug.Excused || aug.Reason != "病休" || aug.Period != "2026-08" || st.Duties[0].Required != 11 {
		t.Errorf("August %+v, required %d", aug, st.Duties[0].Required)
	}
	if out := ok(t, db, "--lang", "en", "excuse", "--remove", "主题党日", "2026-08"); !strings.Contains(out, "Withdrawn: Aug 2026") {
		t.Errorf("remove said %q", out)
	}
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	if p := st.Duties[0].Periods[7]; p.Excused || p.State != "missed" {
		t.Errorf("after withdrawing: %+v", p)
	}
}

// A missed month and this month due: the status says both; due lists
// what is owed now, soonest first; --short counts it.
func TestStatusAndDue(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	ok(t, db, "duty", "add", "--title", "党课", "--category", "lesson", "--cadence", "quarter", "--min", "1")
	ok(t, db, "duty", "add", "--title", "民主生活会", "--category", "meeting", "--cadence", "year", "--min", "1")
	ok(t, db, "duty", "add", "--title", "调研", "--category", "research", "--cadence", "year", "--min", "12")
	for _, m := range []string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10"} {
		ok(t, db, "log", "会前学法", "--date", "2026-"+m+"-05")
		ok(t, db, "log", "调研", "--date", "2026-"+m+"-06")
	}
	ok(t, db, "log", "调研", "--date", "2026-11-06")
	ok(t, db, "log", "调研", "--date", "2026-11-07") // 12: the year is met, the surplus not credited
	ok(t, db, "log", "调研", "--date", "2026-11-08")
	ok(t, db, "duty", "add", "--title", "周例会学习", "--category", "study", "--cadence", "week", "--min", "1")
	ok(t, db, "log", "周例会", "--date", "2026-01-05")
	ok(t, db, "duty", "add", "--title", "谈心谈话", "--category", "talk", "--cadence", "year", "--min", "4")
	ok(t, db, "log", "谈心谈话", "--date", "2026-03-05")
	// Sunday 22 November: this week's last day, so 周例会 is due soon, and
	// its missed weeks make the year missed; 会前学法 November is open (8
	// days after today, not yet in its last 7); 党课 missed Q1-Q3, Q4 open; 谈心谈话 is
	// behind the pace floor(4×326/365) = 3; 调研 has 13 of 12.
	table := ok(t, db, "status")
	for _, want := range []string{"临期 · 全年未达标", "12/12 共13次", "10/12", "滞后"} {
		if !strings.Contains(table, want) {
			t.Errorf("status table has no %q:\n%s", want, table)
		}
	}
	var items []dueOut
	json.Unmarshal([]byte(ok(t, db, "due", "--json")), &items)
	var order []string
	for _, it := range items {
		order = append(order, it.Duty)
	}
	if strings.Join(order, " ") != "周例会学习 会前学法 谈心谈话 党课 民主生活会" || items[0].DaysLeft != 0 || items[0].Now != "due_soon" ||
		items[0].Verdict != "missed" || items[1].Owed != 1 || items[1].DaysLeft != 8 || items[2].Owed != 3 || items[4].Period != "2026" {
		t.Errorf("due %v %+v", order, items)
	}
	json.Unmarshal([]byte(ok(t, db, "due", "--json", "--within", "8")), &items)
	if len(items) != 2 || items[1].Duty != "会前学法" {
		t.Errorf("due --within 8: %+v", items)
	}
	json.Unmarshal([]byte(ok(t, db, "due", "--json", "--within", "7")), &items)
	if len(items) != 1 || items[0].Duty != "周例会学习" {
		t.Errorf("due --within 7: %+v", items)
	}
	// The week ends today, as the app says; November has 8 days after today.
	if out := ok(t, db, "due"); !strings.Contains(out, "2026-11-22  今天") || !strings.Contains(out, "2026-11-30   8天") || !strings.Contains(out, "2026年四季度") || !strings.Contains(out, "共5项待办") || !strings.Contains(out, "2026年第47周") {
		t.Errorf("due:\n%s", out)
	}
	if out := ok(t, db, "--lang", "en", "due", "--within", "1"); !strings.Contains(out, "due soon · year missed") || !strings.Contains(out, "1 to do") {
		t.Errorf("due en:\n%s", out)
	}
	if short := ok(t, db, "status", "--short"); !strings.HasPrefix(short, "2026 完成1/6 待办5（临期1 滞后1） 未达标1") {
		t.Errorf("short %q", short)
	}
	// At the close of 30 June the first half's shortfalls are judged.
	if table := ok(t, db, "status", "--as-of", "2026-06-30"); !strings.Contains(table, "2026-06-30日终") {
		t.Errorf("as-of heading:\n%s", table)
	}
}

// The post start date: new targets of its year take it, --apply gives it
// to those already there, and an officer starting on 30 November sees no
// duty missed.
func TestProfileStart(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "早已有的事项", "--category", "study", "--cadence", "month", "--min", "1")
	out := ok(t, db, "profile", "--start", "2026-11-01")
	if !strings.Contains(out, "任职日期：2026-11-01") {
		t.Errorf("profile said %q", out)
	}
	ok(t, db, "template", "apply", "section-chief")
	var st statusOut
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	if st.Figures.Missed != 1 { // only the duty added before the date
		t.Errorf("figures %+v", st.Figures)
	}
	if out := ok(t, db, "profile", "--start", "2026-11-01", "--apply"); !strings.Contains(out, "1项要求") {
		t.Errorf("apply said %q", out)
	}
	json.Unmarshal([]byte(ok(t, db, "status", "--json")), &st)
	if st.Figures.Missed != 0 {
		t.Errorf("after --apply: %+v", st.Figures)
	}
	// The date was mistyped: corrected with --apply, it replaces the old
	// date on every target that took it, and leaves alone a start of the
	// duty's own.
	ok(t, db, "duty", "edit", "早已有的事项", "--start", "2026-11-15")
	// Corrected without --apply: the targets stay, and the note says so.
	if r := run(t, db, "profile", "--start", "2026-10-15"); r.code != 0 || !strings.Contains(r.stderr, "注意：14项要求仍从原任职日期 2026-11-01 起算；加 --apply 可一并改为 2026-10-15。") {
		t.Errorf("a correction without --apply: %+v", r)
	}
	ok(t, db, "profile", "--start", "2026-11-01")
	if out := ok(t, db, "profile", "--start", "2026-10-01", "--apply"); !strings.Contains(out, "已把任职日期 2026-10-01 用于2026年的14项要求") {
		t.Errorf("the corrected date said %q", out)
	}
	list := ok(t, db, "duty", "list", "--json")
	if strings.Contains(list, "2026-11-01") || !strings.Contains(list, "2026-11-15") || strings.Count(list, `"start": "2026-10-01"`) != 14 {
		t.Errorf("after the correction:\n%s", list)
	}
}

// The mid-year and year-end exports judge the period ending on the as-of
// day; an archived duty with nothing required is never "on track"; excused
// periods and archived duties are explained; export --check lists every
// finding and writes nothing.
func TestExportsFollowRulesV2(t *testing.T) {
	db := newLedger(t)
	dir := t.TempDir()
	ok(t, db, "profile", "--name", "张三")
	ok(t, db, "duty", "add", "--title", "向党组报告党风廉政建设工作", "--category", "report", "--cadence", "half", "--min", "1")
	ok(t, db, "duty", "add", "--title", "廉政风险点排查", "--category", "other", "--cadence", "year", "--min", "1")
	ok(t, db, "duty", "add", "--title", "主题党日", "--category", "meeting", "--cadence", "month", "--min", "1")
	for _, m := range []string{"01", "02", "03", "04", "05", "06", "07", "09", "10"} {
		ok(t, db, "log", "主题党日", "--date", "2026-"+m+"-10")
	}
	ok(t, db, "excuse", "主题党日", "2026-08", "--reason", "上级统一组织集中培训")
	ok(t, db, "duty", "archive", "廉政风险点排查", "--date", "2026-11-20", "--reason", "职责划转至办公室")
	mid := dir + "/mid.md"
	ok(t, db, "export", "--as-of", "2026-06-30", "-o", mid)
	text := readFile(t, mid)
	if !strings.Contains(text, "向党组报告党风廉政建设工作：上半年未开展") {
		t.Errorf("the mid-year report hides the first half:\n%s", text)
	}
	full := dir + "/now.md"
	ok(t, db, "export", "-o", full)
	text = readFile(t, full)
	for _, want := range []string{"说明事项", "主题党日：8月经说明免于要求，原因：上级统一组织集中培训", "廉政风险点排查已于11月20日归档，原因：职责划转至办公室，此后不再要求", "已归档"} {
		if !strings.Contains(text, want) {
			t.Errorf("the export lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "廉政风险点排查0次，符合") || strings.Contains(text, "排查，符合") {
		t.Errorf("an archived duty reads as on track:\n%s", text)
	}
	en := dir + "/now-en.md"
	ok(t, db, "--lang", "en", "export", "-o", en)
	if text := readFile(t, en); !strings.Contains(text, "was archived on Nov 20 (职责划转至办公室); nothing is required") {
		t.Errorf("the English export lacks the reason for archiving:\n%s", text)
	}
	var duties []dutyOut
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--all", "--json")), &duties)
	if len(duties) != 3 || duties[1].ArchiveReason != "职责划转至办公室" || duties[0].ArchiveReason != "" {
		t.Errorf("duty list --json: %+v", duties)
	}
	// The reason travels with a JSON export into another ledger, and goes
	// when the duty is brought back.
	js := dir + "/all.json"
	ok(t, db, "export", "--format", "json", "-o", js)
	other := newLedger(t)
	ok(t, other, "import", js)
	if out := ok(t, other, "export", "-o", dir+"/other.md"); !strings.Contains(readFile(t, dir+"/other.md"), "原因：职责划转至办公室") {
		t.Errorf("imported ledger lost the reason: %s", out)
	}
	ok(t, db, "duty", "archive", "廉政风险点排查", "--restore")
	duties = nil
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--all", "--json")), &duties)
	if duties[1].ArchiveReason != "" || duties[1].Archived != "" {
		t.Errorf("brought back, the duty keeps %+v", duties[1])
	}
	r := run(t, db, "export", "--check", "--as-of", "2026-06-30", "-o", dir+"/never.md")
	if r.code != 0 || !strings.Contains(r.stderr, "上半年") || fileExists(dir+"/never.md") {
		t.Errorf("export --check: %+v", r)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// An archived duty's reason can be given or changed afterwards with
// --reason alone; archiving it again is refused with how to do that.
func TestArchiveReasonAfterwards(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "duty", "add", "--title", "廉政风险点排查", "--category", "other", "--cadence", "year", "--min", "1")
	ok(t, db, "duty", "archive", "廉政风险点排查", "--date", "2026-11-20")
	if r := run(t, db, "duty", "archive", "廉政风险点排查"); r.code != 2 || !strings.Contains(r.stderr, "用 --reason（不带 --date）") {
		t.Errorf("archive again: %d %q", r.code, r.stderr)
	}
	if out := ok(t, db, "duty", "archive", "廉政风险点排查", "--reason", "职责划转"); !strings.Contains(out, "归档原因：职责划转") {
		t.Errorf("reason afterwards said %q", out)
	}
	var duties []dutyOut
	json.Unmarshal([]byte(ok(t, db, "duty", "list", "--all", "--json")), &duties)
	if len(duties) != 1 || duties[0].ArchiveReason != "职责划转" || duties[0].Archived != "2026-11-20" {
		t.Errorf("duty list --json: %+v", duties)
	}
}

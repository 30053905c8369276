package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exportLedger is a small year logged through the command line.
func exportLedger(t *testing.T) string {
	t.Helper()
	db := newLedger(t)
	ok(t, db, "profile", "--name", "张三", "--post", "副局长", "--unit", "某某局")
	ok(t, db, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	ok(t, db, "duty", "add", "--title", "提醒谈话", "--category", "talk", "--cadence", "year", "--min", "1")
	for _, m := range []string{"01", "02", "03", "05"} {
		ok(t, db, "log", "会前学法", "--date", "2026-"+m+"-08", "--topic", "学习法律法规", "--with", "张三、李四", "--place", "三楼会议室")
	}
	ok(t, db, "log", "提醒谈话", "--date", "2026-03-01", "--topic", "=HYPERLINK(\"x\")")
	return db
}

func TestExportCommand(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	t.Chdir(dir)
	r := run(t, db, "export", "--year", "2026")
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	path := filepath.Join(dir, "taizhang-2026.md")
	if r.stdout != "已导出："+path+"\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	// The check's findings, on standard error: April missed, a talk with nobody named.
	for _, want := range []string{"导出前检查发现", "“会前学法”4月", "没有填写谈话对象"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# 2026年度个人履职情况", "姓名：张三　职务：副局长　单位：某某局", "统计截至2026年11月22日", "会前学法：4月、6至10月未开展。"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("summary lacks %q:\n%s", want, md)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode())
	}
	// Never overwritten without --force.
	if r := run(t, db, "export", "--year", "2026"); r.code != 2 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("second export: %+v", r)
	}
	ok(t, db, "export", "--year", "2026", "--force")
	// The format follows -o; every format writes.
	for _, name := range []string{"a.txt", "a.docx", "a.xlsx", "a.csv", "a.json"} {
		ok(t, db, "export", "-o", name)
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	if out := ok(t, db, "--lang", "en", "export", "--format", "txt", "--as-of", "2026-06-30", "-o", "mid.txt"); !strings.HasPrefix(out, "Exported ") {
		t.Errorf("en stdout %q", out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "mid.txt")); !strings.Contains(string(b), "Period: up to Jun 30, 2026") {
		t.Errorf("mid-year English:\n%s", b)
	}
	// --strict: the findings stop it, exit 2, nothing written.
	r = run(t, db, "export", "--strict", "-o", "strict.docx")
	if r.code != 2 || !strings.Contains(r.stderr, "--strict") || !strings.Contains(r.stderr, "没有填写谈话对象") {
		t.Errorf("strict: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "strict.docx")); err == nil {
		t.Error("--strict wrote the file")
	}
	for _, args := range [][]string{{"export", "--format", "pdf"}, {"export", "--all", "--format", "md"}, {"export", "--year", "99"},
		{"export", "--as-of", "2027-01-01"}, {"export", "--as-of", "June"}} {
		if r := run(t, db, args...); r.code != 2 || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%q: %+v", args, r)
		}
	}
	if out := ok(t, db, "export", "--all", "--format", "json"); !strings.Contains(out, "taizhang-all.json") {
		t.Errorf("--all wrote %q", out)
	}
}

func TestImportCommand(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	ok(t, db, "export", "--format", "json", "-o", first)

	fresh := filepath.Join(t.TempDir(), "fresh.db")
	out := ok(t, fresh, "import", first)
	if !strings.Contains(out, "新增事项2项（已有0项）、年度要求2项、记录5条") {
		t.Errorf("import said %q", out)
	}
	if out := ok(t, fresh, "import", first); !strings.Contains(out, "记录0条；5条记录台账中已有") {
		t.Errorf("second import said %q", out)
	}
	again := filepath.Join(dir, "again.json")
	ok(t, fresh, "export", "--format", "json", "-o", again)
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(again)
	stamp := regexp.MustCompile(`"exported_at": "[^"]*"`)
	if stamp.ReplaceAllString(string(a), "") != stamp.ReplaceAllString(string(b), "") {
		t.Errorf("round trip differs:\n%s\n%s", a, b)
	}
	if p := ok(t, fresh, "profile"); !strings.Contains(p, "张三") {
		t.Errorf("profile not imported: %q", p)
	}

	// A bad file: exit 2, one sentence, nothing written.
	broken := filepath.Join(dir, "broken.json")
	os.WriteFile(broken, []byte(strings.Replace(string(a), `"2026-05-08"`, `"2026-13-08"`, 1)), 0o600)
	empty := filepath.Join(t.TempDir(), "empty.db")
	r := run(t, empty, "import", broken)
	if r.code != 2 || !strings.Contains(r.stderr, "日期“2026-13-08”无效") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("broken import: %+v", r)
	}
	if _, err := os.Stat(empty); err == nil {
		t.Error("a refused import left a ledger behind")
	}
	if r := run(t, empty, "--lang", "en", "import", filepath.Join(dir, "missing.json")); r.code != 2 || !strings.Contains(r.stderr, "There is no file") {
		t.Errorf("missing file: %+v", r)
	}
}

// Importing into a ledger that already has the duty keeps the ledger's
// archive state but says so, naming both states; what the ledger leaves
// empty (basis, expected evidence, archive reason) is filled from the
// file and said once.
func TestImportSaysTheArchiveStateKept(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	ok(t, db, "duty", "edit", "提醒谈话", "--basis", "《党内监督条例》", "--evidence", "谈话记录")
	ok(t, db, "duty", "archive", "会前学法", "--date", "2026-06-30", "--reason", "岗位调整")
	file := filepath.Join(dir, "archived.json")
	ok(t, db, "export", "--format", "json", "-o", file)

	other := newLedger(t)
	ok(t, other, "duty", "add", "--title", "会前学法", "--category", "study", "--cadence", "month", "--min", "1")
	ok(t, other, "duty", "add", "--title", "提醒谈话", "--category", "talk", "--cadence", "year", "--min", "1")
	r := run(t, other, "import", file)
	if r.code != 0 || !strings.Contains(r.stderr, "事项“会前学法”在文件中已于 2026-06-30 归档，在台账中未归档；保持台账的状态") ||
		!strings.Contains(r.stderr, "1项已有事项原为空的说明、依据、应有佐证或归档原因，已按文件补全。") {
		t.Fatalf("import into a ledger with the duties: %+v", r)
	}
	if out := ok(t, other, "duty", "list"); !strings.Contains(out, "《党内监督条例》") {
		t.Errorf("the empty basis was not filled: %s", out)
	}
	if r := run(t, other, "import", file); strings.Contains(r.stderr, "已按文件补全") {
		t.Errorf("a second import fills again: %+v", r)
	}
	en := run(t, other, "--lang", "en", "import", file)
	if !strings.Contains(en.stderr, `The duty "会前学法" is archived on 2026-06-30 in the file and active in the ledger`) {
		t.Errorf("English: %+v", en)
	}
	// Archived on the same day with no reason: the file's reason fills it,
	// and there is no difference to report.
	ok(t, other, "duty", "archive", "会前学法", "--date", "2026-06-30")
	if r := run(t, other, "import", file); r.code != 0 || strings.Contains(r.stderr, "保持台账的状态") || !strings.Contains(r.stderr, "1项已有事项") {
		t.Errorf("import after archiving on the same day: %+v", r)
	}
	if out := ok(t, other, "duty", "list", "--all", "--json"); !strings.Contains(out, `"archive_reason": "岗位调整"`) {
		t.Errorf("the archive reason was not filled: %s", out)
	}
}

// --layout report writes the 述责述廉 report; the check counts the
// placeholders first, --strict refuses while any remain, and a layout
// that is not known, or one given to the workbook, is refused with one
// sentence and nothing written.
func TestExportReportLayout(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	t.Chdir(dir)
	r := run(t, db, "export", "--year", "2026", "--layout", "report", "-o", "述责述廉.md")
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	lines := strings.Split(r.stderr, "\n")
	if len(lines) < 2 || !regexp.MustCompile(`^  - 报告中有\d+处“【请填写：…】”须由本人填写`).MatchString(lines[1]) {
		t.Errorf("the placeholders are not the first finding:\n%s", r.stderr)
	}
	md, err := os.ReadFile(filepath.Join(dir, "述责述廉.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# 2026年度述责述廉报告", "某某局副局长　张三", "## 四、存在的问题和不足", "以上报告，请予审议。", "附件"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--layout", "report", "--strict", "-o", "strict.docx"}, "--strict"},
		{[]string{"--layout", "letter", "-o", "letter.md"}, "--layout 应为 summary"},
		{[]string{"--layout", "report", "-o", "book.xlsx"}, "只能导出为 md、txt 或 docx"},
	} {
		r := run(t, db, append([]string{"export", "--year", "2026"}, c.args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %+v", c.args, r)
		}
		if _, err := os.Stat(filepath.Join(dir, c.args[len(c.args)-1])); err == nil {
			t.Errorf("%v wrote a file", c.args)
		}
	}
	// English.
	r = run(t, db, "--lang", "en", "export", "--year", "2026", "--layout", "report", "-o", "report-en.md")
	if md, _ := os.ReadFile(filepath.Join(dir, "report-en.md")); r.code != 0 || !strings.Contains(string(md), "# Report on Responsibility and Integrity for 2026") {
		t.Errorf("English report: %+v\n%s", r, md)
	}
}

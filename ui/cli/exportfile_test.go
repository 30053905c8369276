package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"taizhang/data/export"
	"taizhang/model"
)

// The file named with -o must be what its extension says: a name the
// formats do not know, or one that --format contradicts, is refused in one
// sentence and nothing is written.
func TestExportRefusesAnExtensionThatIsNotTheFormat(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, c := range []struct {
		args []string
		file string
		want string
	}{
		{[]string{"-o", "report.pdf"}, "report.pdf", ".pdf"},
		{[]string{"-o", "r.md", "--format", "xlsx"}, "r.md", "--format"},
		{[]string{"-o", "r.json", "-f", "csv"}, "r.json", "--format"},
	} {
		for _, lang := range []string{"zh", "en"} {
			args := append([]string{"--lang", lang, "export"}, c.args...)
			r := run(t, db, args...)
			if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, c.want) || r.stdout != "" {
				t.Errorf("%q: %+v", args, r)
			}
			if _, err := os.Stat(filepath.Join(dir, c.file)); err == nil {
				t.Errorf("%q wrote %s", args, c.file)
			}
		}
	}
	// What agrees is written: the extension in any case, a name with no
	// extension (Markdown, or the format given), an extension --format names.
	for _, c := range []struct {
		args   []string
		file   string
		prefix string
	}{
		{[]string{"-o", "R.DOCX"}, "R.DOCX", "PK"},
		{[]string{"-o", "report"}, "report", "# 2026"},
		{[]string{"-o", "ledger", "--format", "csv"}, "ledger", "\ufeff"},
		{[]string{"-o", "r.txt", "--format", "text"}, "r.txt", "2026"},
		{[]string{"-o", "r.markdown"}, "r.markdown", "# 2026"},
	} {
		ok(t, db, append([]string{"export"}, c.args...)...)
		if b, err := os.ReadFile(filepath.Join(dir, c.file)); err != nil || !strings.HasPrefix(string(b), c.prefix) {
			t.Errorf("%q wrote %.20q, %v", c.args, b, err)
		}
	}
}

// A file that will be refused is refused before the check: the officer
// reads one sentence, not the findings and then the refusal.
func TestExportRefusesTheFileBeforeChecking(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	t.Chdir(dir)
	ok(t, db, "export", "-o", "a.md")
	notDir := filepath.Join(dir, "a.md")
	roDir := filepath.Join(dir, "ro")
	os.Mkdir(roDir, 0o500)
	defer os.Chmod(roDir, 0o700)
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	for _, c := range []struct {
		args []string
		zh   string
		en   string
	}{
		{[]string{"export", "-o", "a.md"}, "已存在", "already exists"},
		{[]string{"export", "-o", filepath.Join(dir, "missing", "b.md")}, "所在目录不存在", "does not exist; create it or choose another path"},
		{[]string{"export", "-o", filepath.Join(notDir, "b.md")}, "所在目录不存在", "does not exist"},
		{[]string{"export", "--all", "--format", "json", "-o", filepath.Join(dir, "missing", "all.json")}, "所在目录不存在", "does not exist"},
		{[]string{"backup", filepath.Join(dir, "missing", "x.db")}, "所在目录不存在", "does not exist"},
		{[]string{"backup", filepath.Join(notDir, "x.db")}, "所在目录不存在", "does not exist"},
		{[]string{"export", "-o", filepath.Join(roDir, "b.md")}, "不可写入", "cannot be written to"},
		{[]string{"backup", filepath.Join(roDir, "x.db")}, "不可写入", "cannot be written to"},
		{[]string{"export", "--force", "-o", "sub"}, "是一个目录", "is a directory; give a file name"},
	} {
		for lang, want := range map[string]string{"zh": c.zh, "en": c.en} {
			args := append([]string{"--lang", lang}, c.args...)
			r := run(t, db, args...)
			if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, want) {
				t.Errorf("%q: %+v", args, r)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); err == nil {
		t.Error("a refused export made the directory")
	}
	for _, d := range []string{roDir, filepath.Join(dir, "sub")} {
		if es, _ := os.ReadDir(d); len(es) != 0 {
			t.Errorf("a refused write left files in %s: %v", d, es)
		}
	}
}

// Past maxPerKind of a kind the rest are counted, not listed; the count
// is of every warning left out, whatever its kind.
func TestPrintWarningsCountsWhatIsLeftOut(t *testing.T) {
	var ws []export.Warning
	for i := range 2 {
		ws = append(ws, export.Warning{Kind: export.MissedPeriods, Zh: fmt.Sprintf("未达标%d", i), En: fmt.Sprintf("missed %d", i)})
	}
	for i := range maxPerKind + 3 {
		ws = append(ws, export.Warning{Kind: export.LateEntry, Zh: fmt.Sprintf("迟登%d", i), En: fmt.Sprintf("late %d", i)})
	}
	for _, c := range []struct {
		lang model.Lang
		want string
	}{{model.Chinese, "  ……另有3条未列出。\n"}, {model.English, "  ... and 3 more not listed.\n"}} {
		var b bytes.Buffer
		a := &App{Env: Env{Stderr: &b}, Lang: c.lang}
		a.printWarnings(ws, true)
		lines := strings.SplitAfter(b.String(), "\n")
		if len(lines) != 1+2+maxPerKind+1+1 || lines[len(lines)-2] != c.want || strings.Contains(b.String(), "同类") || strings.Contains(b.String(), "like these") {
			t.Errorf("%s:\n%s", c.lang, b.String())
		}
	}
}

// -o - writes a text format to standard output, and nothing to disk; a
// binary format is refused in one sentence.
func TestExportToStandardOutput(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "section-chief")
	dir := t.TempDir()
	t.Chdir(dir)
	md := run(t, db, "export", "-o", "-")
	if md.code != 0 || !strings.HasPrefix(md.stdout, "# 2026年度个人履职情况") || strings.Contains(md.stdout, "已导出") {
		t.Fatalf("export -o -: %d %q", md.code, md.stdout[:min(80, len(md.stdout))])
	}
	js := run(t, db, "export", "--format", "json", "-o", "-")
	var v map[string]any
	if js.code != 0 || json.Unmarshal([]byte(js.stdout), &v) != nil {
		t.Fatalf("export --format json -o -: %d %q", js.code, js.stderr)
	}
	for _, f := range []string{"docx", "xlsx", "zip"} {
		r := run(t, db, "--lang", "en", "export", "--format", f, "-o", "-")
		if r.code != 2 || !strings.Contains(r.stderr, "binary format") || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s to standard output: %d %q %q", f, r.code, r.stdout, r.stderr)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("export -o - left files: %v", entries)
	}
}

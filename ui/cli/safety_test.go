package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// File names reach the terminal cleaned in every success message: import,
// backup, restore, export and demo.
func TestSuccessMessagesCleanFileNames(t *testing.T) {
	dir := t.TempDir()
	evil := "x\x1b]52;c;aGk=\x07\x1b[2J\u202e"
	db := filepath.Join(dir, "台账"+evil+".db")
	json := filepath.Join(dir, "导出"+evil+".json")
	backup := filepath.Join(dir, "备份"+evil+".db")
	md := filepath.Join(dir, "报告"+evil+".md")
	outs := []result{
		run(t, db, "demo", "--years", "1", "--duties", "5", "--records", "20"),
		run(t, db, "export", "--format", "json", "-o", json),
		run(t, db, "export", "-o", md),
		run(t, db, "backup", backup),
		run(t, db, "restore", backup),
		run(t, filepath.Join(dir, "fresh.db"), "import", json),
	}
	for i, r := range outs {
		if r.code != 0 {
			t.Fatalf("command %d: %+v", i, r)
		}
		for _, s := range []string{r.stdout, r.stderr} {
			if d := dangerous(s); d != "" {
				t.Errorf("command %d printed %s: %q", i, d, s)
			}
		}
	}
}

// export --force replaces a regular file, never a pipe, a device or a
// link.
func TestExportForceOnlyReplacesFiles(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "target.md")
	os.WriteFile(target, []byte("mine"), 0o600)
	link := filepath.Join(dir, "link.md")
	os.Symlink(target, link)
	for _, c := range []struct{ path, says string }{
		{fifo, "named pipe"}, {link, "symbolic link"}, {"/dev/null", "character device"},
	} {
		r := run(t, db, "--lang", "en", "export", "--force", "-o", c.path)
		if r.code != 2 || !strings.Contains(r.stderr, c.says) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("export --force -o %s: %+v", c.path, r)
		}
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if b, _ := os.ReadFile(target); string(b) != "mine" {
		t.Error("the link's target changed")
	}
	plain := filepath.Join(dir, "plain.md")
	os.WriteFile(plain, []byte("old"), 0o600)
	if r := run(t, db, "export", "--force", "-o", plain); r.code != 0 {
		t.Errorf("export --force over a regular file: %+v", r)
	}
}

// import of a FIFO with no writer, and restore from a FIFO or /dev/zero,
// answer at once with what the file is.
func TestSpecialFilesAnswerAtOnce(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "leadership")
	fifo := filepath.Join(t.TempDir(), "in.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"import", fifo}, "named pipe"},
		{[]string{"restore", fifo}, "named pipe"},
		{[]string{"restore", "/dev/zero"}, "character device"},
	} {
		done := make(chan result, 1)
		go func() { done <- run(t, db, append([]string{"--lang", "en"}, c.args...)...) }()
		select {
		case r := <-done:
			if r.code != 2 || !strings.Contains(r.stderr, c.says) || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("%v: %+v", c.args, r)
			}
		case <-time.After(5 * time.Second):
			// Let the blocked open finish so the test can end.
			if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
				f.Close()
			}
			t.Fatalf("%v blocked", c.args)
		}
	}
}

// A JSON export saved as GB18030 is refused, not imported with every
// Chinese character replaced.
func TestImportRefusesJSONThatIsNotUTF8(t *testing.T) {
	db := exportLedger(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	ok(t, db, "export", "--format", "json", "-o", good)
	raw, _ := os.ReadFile(good)
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "gb.json")
	os.WriteFile(bad, gb, 0o600)
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	r := run(t, fresh, "import", bad)
	if r.code != 2 || !strings.Contains(r.stderr, "不是 UTF-8 编码") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("GB18030 import: %+v", r)
	}
	if _, err := os.Stat(fresh); err == nil {
		t.Error("the refused import left a ledger")
	}
}

// A ledger that cannot be written — read-only file, or a read-only
// directory where not even the shared-memory file can be made — is read by
// status, records and export; a write is refused in one sentence.
func TestReadOnlyLedgerCanBeRead(t *testing.T) {
	for _, where := range []string{"file", "directory"} {
		t.Run(where, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "medium")
			os.Mkdir(dir, 0o700)
			db := filepath.Join(dir, "taizhang.db")
			ok(t, db, "template", "apply", "leadership")
			ok(t, db, "log", "会前学法", "--date", "2026-03-01", "--topic", "学习")
			os.Chmod(db, 0o400)
			out := t.TempDir()
			if where == "directory" {
				os.Chmod(dir, 0o500)
				t.Cleanup(func() { os.Chmod(dir, 0o700) })
			}
			if s := ok(t, db, "status"); !strings.Contains(s, "会前学法") {
				t.Errorf("status: %q", s)
			}
			if s := ok(t, db, "records", "--json"); !strings.Contains(s, "学习") {
				t.Errorf("records: %q", s)
			}
			ok(t, db, "export", "-o", filepath.Join(out, "x.md"))
			r := run(t, db, "log", "会前学法", "--date", "2026-03-02")
			if r.code == 0 || !strings.Contains(r.stderr, "只读") || strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("log on a read-only ledger: %+v", r)
			}
			if where == "directory" {
				if es, _ := os.ReadDir(dir); len(es) != 1 {
					t.Errorf("files appeared beside the read-only ledger: %v", es)
				}
			}
		})
	}
}

// A path longer than SQLite opens is named as too long, not as a
// permission problem of a temporary file.
func TestPathTooLong(t *testing.T) {
	dir := t.TempDir()
	for len(dir) < 470 {
		dir = filepath.Join(dir, strings.Repeat("长", 15))
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "taizhang.db")
	r := run(t, db, "template", "apply", "leadership")
	if r.code != 2 || !strings.Contains(r.stderr, "太长") || strings.Contains(r.stderr, ".taizhang-") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("a path of %d bytes: %+v", len(db), r)
	}
}

// Number flags are decimal: 0x10 is refused, not read as 16.
func TestNumbersAreDecimal(t *testing.T) {
	db := newLedger(t)
	for _, args := range [][]string{
		{"duty", "add", "--title", "x", "--category", "other", "--cadence", "year", "--min", "0x10"},
		{"duty", "add", "--title", "x", "--category", "other", "--cadence", "year", "--min", "010", "--year", "0x7EA"},
		{"demo", "--records", "1e3"},
	} {
		if r := run(t, db, args...); r.code != 2 || !strings.Contains(r.stderr, "需要一个整数") {
			t.Errorf("%v: %+v", args, r)
		}
	}
	ok(t, db, "duty", "add", "--title", "x", "--category", "other", "--cadence", "year", "--min", "16")
}

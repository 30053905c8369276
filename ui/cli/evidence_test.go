package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"taizhang/model"
)

// An officer logs a meeting with its minutes and sign-in photo attached,
// adds a paper locator, lists, saves and removes evidence.
func TestEvidenceCommands(t *testing.T) {
	db := newLedger(t)
	dir := t.TempDir()
	minutes := filepath.Join(dir, "会议 记录.pdf")
	photo := filepath.Join(dir, "签到\x1b[31m.jpg")
	os.WriteFile(minutes, []byte("%PDF-1.7 minutes"), 0o600)
	os.WriteFile(photo, bytes.Repeat([]byte{0xff, 0xd8}, 100), 0o600)
	ok(t, db, "duty", "add", "--title", "党小组会", "--category", "meeting", "--cadence", "month", "--min", "1", "--evidence", "会议记录、签到表、照片")
	out := ok(t, db, "duty", "list", "--json")
	if !strings.Contains(out, `"evidence": "会议记录、签到表、照片"`) {
		t.Errorf("duty list --json: %s", out)
	}
	out = ok(t, db, "log", "党小组会", "--date", "2026-03-05", "--topic", "学习", "--attach", minutes, "--attach", photo)
	if !strings.Contains(out, "会议 记录.pdf") || !strings.Contains(out, "记录 1 的佐证材料（2项）") {
		t.Errorf("log --attach said %q", out)
	}
	if strings.ContainsAny(out, "\x1b") {
		t.Errorf("a file name's escape sequence reached the terminal: %q", out)
	}
	out = ok(t, db, "evidence", "add", "1", "--paper", "党小组会议记录本第12页")
	if !strings.Contains(out, "纸质：党小组会议记录本第12页") {
		t.Errorf("evidence add --paper said %q", out)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(ok(t, db, "evidence", "list", "1", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0]["kind"] != "file" || list[2]["kind"] != "paper" || list[0]["type"] != "application/pdf" {
		t.Fatalf("evidence list --json: %v", list)
	}
	out = ok(t, db, "--lang", "en", "evidence", "list")
	if !strings.Contains(out, "paper: ") || !strings.Contains(out, "3 items") {
		t.Errorf("evidence list in English: %q", out)
	}
	saved := filepath.Join(dir, "out", "saved.pdf")
	os.Mkdir(filepath.Dir(saved), 0o700)
	ok(t, db, "evidence", "save", "1", "-o", saved)
	if b, _ := os.ReadFile(saved); string(b) != "%PDF-1.7 minutes" {
		t.Errorf("saved %q", b)
	}
	if fi, _ := os.Stat(saved); fi.Mode().Perm() != 0o600 {
		t.Errorf("saved mode %v", fi.Mode().Perm())
	}
	out = ok(t, db, "evidence", "remove", "2")
	if !strings.Contains(out, "已删除") {
		t.Errorf("remove said %q", out)
	}
	// The command line has no undo: the removed file's bytes are gone.
	if c := dump(t, db); strings.Contains(c, "image/jpeg") || strings.Count(c, " 16\n") != 1 {
		t.Errorf("after removal the ledger holds:\n%s", c)
	}
}

// Every bad evidence input exits 2 with one sentence in either language
// and writes nothing.
func TestEvidenceBadInput(t *testing.T) {
	db := newLedger(t)
	dir := t.TempDir()
	ok(t, db, "duty", "add", "--title", "党小组会", "--category", "meeting", "--cadence", "month", "--min", "1")
	good := filepath.Join(dir, "good.pdf")
	os.WriteFile(good, []byte("good"), 0o600)
	ok(t, db, "log", "党小组会", "--date", "2026-03-05", "--attach", good)
	big := filepath.Join(dir, "big.mp4")
	f, _ := os.Create(big)
	f.Truncate(model.MaxEvidenceSize + 1)
	f.Close()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here")
	}
	existing := filepath.Join(dir, "exists.pdf")
	os.WriteFile(existing, []byte("x"), 0o600)
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"log missing file", []string{"log", "党小组会", "--date", "2026-03-06", "--attach", filepath.Join(dir, "none.pdf")}, "no file"},
		{"log directory", []string{"log", "党小组会", "--date", "2026-03-06", "--attach", dir}, "is a directory"},
		{"log too large", []string{"log", "党小组会", "--date", "2026-03-06", "--attach", good, "--attach", big}, "over the 50 MB limit"},
		{"log fifo", []string{"log", "党小组会", "--date", "2026-03-06", "--attach", fifo}, "not a regular file"},
		{"log empty paper", []string{"log", "党小组会", "--date", "2026-03-06", "--paper", " "}, "paper locator is empty"},
		{"log same file twice", []string{"log", "党小组会", "--date", "2026-03-06", "--attach", good, "--attach", good}, "same content"},
		{"add device", []string{"evidence", "add", "1", "/dev/null"}, "not a regular file"},
		{"add nothing", []string{"evidence", "add", "1"}, "Name the files"},
		{"add no record", []string{"evidence", "add", "9", good}, "no record 9"},
		{"add bad record id", []string{"evidence", "add", "x1", good}, "not valid"},
		{"add already there", []string{"evidence", "add", "1", good}, "same content"},
		{"add empty paper", []string{"evidence", "add", "1", "--paper", "\x1b[2J"}, "paper locator is empty"},
		{"list no record", []string{"evidence", "list", "9"}, "no record 9"},
		{"save no id", []string{"evidence", "save", "9", "-o", filepath.Join(dir, "x")}, "no evidence item 9"},
		{"save existing", []string{"evidence", "save", "1", "-o", existing}, "already exists"},
		{"save no -o", []string{"evidence", "save", "1"}, "missing flags"},
		{"save into missing dir", []string{"evidence", "save", "1", "-o", filepath.Join(dir, "no", "x.pdf")}, "does not exist"},
		{"remove no id", []string{"evidence", "remove", "9"}, "no evidence item 9"},
		{"remove bad id", []string{"evidence", "remove", "-"}, ""},
	}
	before := dump(t, db)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range []string{"en", "zh"} {
				r := run(t, db, append([]string{"--lang", lang}, tt.args...)...)
				if r.code != 2 || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
					t.Errorf("%s: exit %d, stdout %q, stderr %q", lang, r.code, r.stdout, r.stderr)
				}
				if lang == "en" && !strings.Contains(r.stderr, tt.says) {
					t.Errorf("stderr %q does not say %q", r.stderr, tt.says)
				}
				if lang == "zh" && !strings.HasPrefix(r.stderr, "taizhang: ") {
					t.Errorf("in Chinese: %q", r.stderr)
				}
			}
			if after := dump(t, db); after != before {
				t.Fatalf("the ledger changed:\nbefore\n%s\nafter\n%s", before, after)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("a refused save left a file")
	}
}

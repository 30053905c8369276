package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Files given as the ledger that are not a usable ledger get a clear
// message and a non-zero exit, and stay byte for byte as they were.
func TestFilesGivenAsTheLedger(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A real ledger with data, to damage in copies.
	good := filepath.Join(dir, "good.db")
	ok(t, good, "demo", "--years", "1", "--duties", "20", "--records", "600")
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(good + "-wal"); err == nil {
		t.Fatal("the ledger was left with a WAL file after the command closed it")
	}
	truncated := write("truncated.db", goodBytes[:len(goodBytes)/2], 0o600)
	corrupt := append([]byte(nil), goodBytes...)
	for i := 4096; i < len(corrupt); i++ {
		corrupt[i] = byte(i*7 + 3)
	}
	corrupted := write("corrupted.db", corrupt, 0o600)
	readOnly := write("readonly.db", goodBytes, 0o400)
	newer := write("newer.db", goodBytes, 0o600)
	{
		db, _ := sql.Open("sqlite", newer)
		db.Exec("PRAGMA user_version = 42")
		db.Close()
	}
	other := filepath.Join(dir, "other.db")
	{
		db, _ := sql.Open("sqlite", other)
		db.Exec("CREATE TABLE notes (body TEXT)")
		db.Exec("INSERT INTO notes VALUES ('买菜')")
		db.Close()
	}
	roDir := filepath.Join(dir, "rodir")
	os.Mkdir(roDir, 0o500)
	t.Cleanup(func() { os.Chmod(roDir, 0o700) })

	reads := [][]string{{"status"}, {"status", "--short"}, {"log", "会前学法"}, {"records", "--json"}}
	creates := [][]string{{"template", "apply", "leadership"}, {"duty", "add", "--title", "x", "--category", "other", "--cadence", "year", "--min", "1"}}
	cases := []struct {
		name, path, says string
		commands         [][]string
	}{
		{"text file", write("notes.txt", []byte("会前学法 2026-01-09 学习《行政复议法》\n"), 0o600), "not a taizhang ledger", reads},
		{"empty file", write("empty.db", nil, 0o600), "empty file", reads},
		{"directory", dir, "is a directory", reads},
		{"read-only file", readOnly, "read-only", [][]string{{"log", "会前学法"}}},
		{"newer version", newer, "newer taizhang", reads},
		{"truncated ledger", truncated, "damaged", reads},
		{"corrupted ledger", corrupted, "damaged", reads},
		{"another program's database", other, "another program", reads},
		{"new ledger in a read-only directory", filepath.Join(roDir, "taizhang.db"), "read-only", creates},
		// (status --short prints nothing there: a shell prompt runs it)
		{"no ledger at the path", filepath.Join(dir, "typo.db"), "There is no ledger", [][]string{{"status"}, {"log", "会前学法"}, {"records", "--json"}}},
	}
	for _, c := range cases {
		for _, args := range c.commands {
			t.Run(c.name+"/"+strings.Join(args, " "), func(t *testing.T) {
				before, beforeErr := os.ReadFile(c.path)
				r := run(t, c.path, append([]string{"--lang", "en"}, args...)...)
				if r.code == 0 {
					t.Fatalf("exit 0; stdout %q", r.stdout)
				}
				if !strings.Contains(r.stderr, c.says) || strings.Count(r.stderr, "\n") != 1 {
					t.Errorf("stderr %q does not say %q in one line", r.stderr, c.says)
				}
				after, afterErr := os.ReadFile(c.path)
				if !bytes.Equal(before, after) || (beforeErr == nil) != (afterErr == nil) {
					t.Errorf("the file changed (or appeared)")
				}
			})
		}
	}
	if es, _ := os.ReadDir(roDir); len(es) != 0 {
		t.Errorf("files appeared in the read-only directory: %v", es)
	}
}

// A damaged ledger is what restore is for: it is moved aside and the
// backup restored into a fresh ledger.
func TestRestoreOverADamagedLedger(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "taizhang.db")
	ok(t, db, "template", "apply", "leadership")
	ok(t, db, "log", "会前学法", "--date", "2026-03-01", "--topic", "学习")
	backup := filepath.Join(dir, "backup.db")
	ok(t, db, "backup", backup)
	b, _ := os.ReadFile(db)
	os.WriteFile(db, b[:len(b)/2], 0o600)
	if r := run(t, db, "status"); r.code != 2 || !strings.Contains(r.stderr, "已损坏") {
		t.Fatalf("status on the damaged ledger: %+v", r)
	}
	r := run(t, db, "restore", backup)
	if r.code != 0 || !strings.Contains(r.stderr, "原台账已损坏，其文件（连同 -wal、-shm）已原样移到") {
		t.Fatalf("restore over the damaged ledger: %+v", r)
	}
	var recs []recordOut
	json.Unmarshal([]byte(ok(t, db, "records", "--json")), &recs)
	if len(recs) != 1 || recs[0].Topic != "学习" {
		t.Errorf("records after the restore: %+v", recs)
	}
	if m, _ := filepath.Glob(db + ".damaged-*"); len(m) == 0 {
		t.Error("the damaged ledger was not kept")
	}
	// The backup file itself gained no WAL or shared-memory files.
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(backup + suffix); err == nil {
			t.Errorf("restore left %s beside the backup", suffix)
		}
	}
}

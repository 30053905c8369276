package cli

import (
	"bytes"
	"database/sql"
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

	cases := []struct {
		name, path, says string
	}{
		{"text file", write("notes.txt", []byte("会前学法 2026-01-09 学习《行政复议法》\n"), 0o600), "not a taizhang ledger"},
		{"empty file", write("empty.db", nil, 0o600), "empty file"},
		{"directory", dir, "is a directory"},
		{"read-only file", readOnly, "read-only"},
		{"newer version", newer, "newer taizhang"},
		{"truncated ledger", truncated, "damaged"},
		{"corrupted ledger", corrupted, "damaged"},
		{"another program's database", other, "another program"},
		{"new ledger in a read-only directory", filepath.Join(roDir, "taizhang.db"), "read-only"},
	}
	for _, c := range cases {
		for _, args := range [][]string{{"status"}, {"log", "会前学法"}, {"records", "--json"}} {
			t.Run(c.name+"/"+args[0], func(t *testing.T) {
				before, _ := os.ReadFile(c.path)
				r := run(t, c.path, append([]string{"--lang", "en"}, args...)...)
				if r.code == 0 {
					t.Fatalf("exit 0; stdout %q", r.stdout)
				}
				if !strings.Contains(r.stderr, c.says) || strings.Count(r.stderr, "\n") != 1 {
					t.Errorf("stderr %q does not say %q in one line", r.stderr, c.says)
				}
				after, _ := os.ReadFile(c.path)
				if !bytes.Equal(before, after) {
					t.Errorf("the file changed")
				}
			})
		}
	}
	if es, _ := os.ReadDir(roDir); len(es) != 0 {
		t.Errorf("files appeared in the read-only directory: %v", es)
	}
}

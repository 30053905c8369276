package data

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestFingerprint(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "l.db")
	now := time.Now()
	old := now.Add(-time.Hour)
	write := func(p, s string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := Fingerprint(db, now); ok {
		t.Fatal("a ledger that is not there has a fingerprint")
	}
	write(db, "ledger", now.Add(-time.Second))
	if _, ok := Fingerprint(db, now); ok {
		t.Fatal("a ledger written a second ago has a fingerprint")
	}
	write(db, "ledger", now.Add(time.Minute))
	if _, ok := Fingerprint(db, now); ok {
		t.Fatal("a ledger dated in the future has a fingerprint")
	}
	write(db, "ledger", old)
	base, ok := Fingerprint(db, now)
	if !ok {
		t.Fatal("a settled ledger has no fingerprint")
	}
	if again, _ := Fingerprint(db, now.Add(time.Minute)); again != base {
		t.Fatalf("unchanged ledger: %q then %q", base, again)
	}
	seen := map[string]string{base: "settled ledger"}
	differ := func(what string) {
		t.Helper()
		f, ok := Fingerprint(db, now)
		if !ok {
			t.Fatalf("%s: no fingerprint", what)
		}
		if prev, dup := seen[f]; dup {
			t.Fatalf("%s has the fingerprint of the %s: %q", what, prev, f)
		}
		seen[f] = what
	}
	write(db+"-wal", "", old)
	differ("empty -wal")
	write(db+"-wal", "frame", old)
	differ("-wal with a frame")
	write(db+"-wal", "frame", old.Add(time.Millisecond))
	differ("-wal rewritten to the same size")
	write(db, "ledger", old.Add(time.Millisecond))
	differ("ledger rewritten to the same size")
	write(db, "ledger!", old.Add(time.Millisecond))
	differ("ledger grown at the same time")

	write(db+"-wal", "frame", now)
	if _, ok := Fingerprint(db, now); ok {
		t.Fatal("a -wal written just now gives a fingerprint")
	}
	os.Remove(db + "-wal")
	if err := os.Mkdir(db+"-wal", 0o700); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(db+"-wal", old, old)
	if _, ok := Fingerprint(db, now); ok {
		t.Fatal("a directory in place of the -wal gives a fingerprint")
	}
	// Through a symbolic link: SQLite keeps the -wal beside the file the
	// link points to, and a change there changes the link's fingerprint.
	os.RemoveAll(db + "-wal")
	write(db+"-wal", "frame", old)
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	before, ok := Fingerprint(link, now)
	if !ok {
		t.Fatal("no fingerprint through a link")
	}
	write(db+"-wal", "frame2", old.Add(2*time.Millisecond))
	if after, _ := Fingerprint(link, now); after == before {
		t.Fatal("a change of the -wal beside the link's target left the link's fingerprint as it was")
	}
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err == nil {
		os.Chtimes(fifo, old, old)
		if _, ok := Fingerprint(fifo, now); ok {
			t.Fatal("a FIFO gives a fingerprint")
		}
	}
}

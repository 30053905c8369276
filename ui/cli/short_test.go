package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// settle dates the ledger's files back, as a ledger last written a while
// ago is at a shell prompt; each call dates them to a different moment.
func settle(t *testing.T, db string, ago time.Duration) {
	t.Helper()
	when := time.Now().Add(-ago)
	for _, p := range []string{db, db + "-wal"} {
		if err := os.Chtimes(p, when, when); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
}

// prompt runs a command as the installed program does, with a cache
// directory, on day.
func prompt(t *testing.T, cache string, day time.Time, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: func() time.Time { return day }, Version: "test", CacheDir: cache})
	return result{code, out.String(), errb.String()}
}

// keptFiles lists the lines kept in the cache directory.
func keptFiles(t *testing.T, cache string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(cache, "status-*"))
	return m
}

// forge replaces the kept line, keeping its key, so a test can tell a line
// printed from the cache from one read from the ledger.
func forge(t *testing.T, file, line string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	key, _, _ := bytes.Cut(b, []byte{'\n'})
	if err := os.WriteFile(file, append(append(key, '\n'), line...), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestShortStatusKeptUntilTheLedgerChanges(t *testing.T) {
	db := newLedger(t)
	cache := filepath.Join(t.TempDir(), "cache")
	ok(t, db, "template", "apply", "leadership")
	ok(t, db, "log", "会前学法", "--date", "2026-11-08", "--topic", "学习民法典")
	short := []string{"--db", db, "status", "--short"}

	// Just written: the ledger could change again within the same tick of
	// a coarse file clock, so nothing is kept.
	first := prompt(t, cache, fixedNow, short...)
	if first.code != 0 || !strings.HasPrefix(first.stdout, "2026 完成") {
		t.Fatalf("status --short: %d %q %q", first.code, first.stdout, first.stderr)
	}
	if k := keptFiles(t, cache); len(k) != 0 {
		t.Fatalf("a ledger written a moment ago was cached: %v", k)
	}

	// Settled: the line is kept, and the next prompt prints it from there.
	settle(t, db, time.Hour)
	if r := prompt(t, cache, fixedNow, short...); r.stdout != first.stdout {
		t.Fatalf("settled ledger: %q, want %q", r.stdout, first.stdout)
	}
	kept := keptFiles(t, cache)
	if len(kept) != 1 {
		t.Fatalf("kept %v, want one file", kept)
	}
	if fi, err := os.Stat(kept[0]); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("kept file: %v %v", fi, err)
	}
	forge(t, kept[0], "FROM THE CACHE\x1b[2J")
	if r := prompt(t, cache, fixedNow, short...); r.stdout != "FROM THE CACHE\n" {
		t.Fatalf("second prompt printed %q, want the kept line, cleaned", r.stdout)
	}
	// --db=PATH and --lang are the same command; another language is
	// another line.
	if r := prompt(t, cache, fixedNow, "status", "--db="+db, "--short", "--lang", "zh"); r.stdout != "FROM THE CACHE\n" {
		t.Fatalf("same command spelled differently printed %q", r.stdout)
	}
	if r := prompt(t, cache, fixedNow, "--lang=en", "--db", db, "status", "--short"); !strings.HasPrefix(r.stdout, "2026 done ") {
		t.Fatalf("English after Chinese printed %q", r.stdout)
	}

	// Tomorrow is judged afresh.
	if r := prompt(t, cache, fixedNow.AddDate(0, 0, 1), short...); !strings.HasPrefix(r.stdout, "2026 完成") {
		t.Fatalf("next day printed %q", r.stdout)
	}
	// Any other flag reads the ledger.
	if r := prompt(t, cache, fixedNow, "--db", db, "status", "--short", "--year", "2026"); !strings.HasPrefix(r.stdout, "2026 完成") {
		t.Fatalf("status --short --year printed %q", r.stdout)
	}

	// A record logged is a new state of the ledger's files: the kept line
	// is not used.
	settle(t, db, time.Hour)
	prompt(t, cache, fixedNow, short...)
	forge(t, keptFiles(t, cache)[0], "STALE")
	ok(t, db, "log", "会前学法", "--date", "2026-10-08", "--topic", "学习安全生产法")
	settle(t, db, time.Hour)
	r := prompt(t, cache, fixedNow, short...)
	if r.stdout == "STALE\n" || r.stdout == first.stdout {
		t.Fatalf("after a new record: %q (before: %q)", r.stdout, first.stdout)
	}
	full := ok(t, db, "status", "--short")
	if r.stdout != full {
		t.Fatalf("kept line %q differs from the ledger's %q", r.stdout, full)
	}
}

func TestShortStatusWithoutACache(t *testing.T) {
	db := newLedger(t)
	ok(t, db, "template", "apply", "section-chief")
	settle(t, db, time.Hour)
	// A cache directory that cannot be made: the line is printed all the same.
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	r := prompt(t, filepath.Join(blocker, "cache"), fixedNow, "--db", db, "status", "--short")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "2026 完成") || r.stderr != "" {
		t.Fatalf("unwritable cache: %d %q %q", r.code, r.stdout, r.stderr)
	}
}

// A prompt on a machine where no ledger was ever started prints nothing
// and succeeds, in either language and at any path, and starts no ledger;
// status without --short still says there is none, and bad input is
// still refused.
func TestShortStatusWithNoLedger(t *testing.T) {
	cache := t.TempDir()
	dir := t.TempDir()
	for _, db := range []string{filepath.Join(dir, "none.db"), filepath.Join(dir, "no", "such", "dir", "taizhang.db")} {
		for _, args := range [][]string{{"--db", db, "status", "--short"}, {"--lang", "en", "--db=" + db, "status", "--short"}, {"--db", db, "status", "--short", "--year", "2025"}} {
			if r := prompt(t, cache, fixedNow, args...); r.code != 0 || r.stdout != "" || r.stderr != "" {
				t.Errorf("%q with no ledger: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
			}
		}
		if r := prompt(t, cache, fixedNow, "--db", db, "status"); r.code != 2 || !strings.Contains(r.stderr, "找不到台账") {
			t.Errorf("status with no ledger: %+v", r)
		}
		if r := prompt(t, cache, fixedNow, "--db", db, "status", "--short", "--year", "1066"); r.code != 2 || !strings.Contains(r.stderr, "1066") {
			t.Errorf("status --short --year 1066 with no ledger: %+v", r)
		}
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("files appeared where there was no ledger: %v", es)
	}
	if k := keptFiles(t, cache); len(k) != 0 {
		t.Fatalf("kept %v for a missing ledger", k)
	}
}

func TestPlainShort(t *testing.T) {
	for _, c := range []struct {
		args     []string
		db, lang string
		ok       bool
	}{
		{[]string{"status", "--short"}, "", "", true},
		{[]string{"--db", "a.db", "status", "--short"}, "a.db", "", true},
		{[]string{"status", "--short", "--db=b.db", "--lang=en"}, "b.db", "en", true},
		{[]string{"--lang", "zh", "status", "--short"}, "", "zh", true},
		{[]string{"status"}, "", "", false},
		{[]string{"--short"}, "", "", false},
		{[]string{"status", "--short", "--json"}, "", "", false},
		{[]string{"status", "--short", "--year", "2025"}, "", "", false},
		{[]string{"status", "--short", "--as-of=2026-06-30"}, "", "", false},
		{[]string{"status", "--short", "--db"}, "", "", false},
		{[]string{"status", "status", "--short"}, "", "", false},
		{[]string{"due", "--short"}, "", "", false},
		{[]string{"status", "--short", "--help"}, "", "", false},
	} {
		db, lang, ok := plainShort(c.args)
		if ok != c.ok || (ok && (db != c.db || lang != c.lang)) {
			t.Errorf("plainShort(%q) = %q %q %v, want %q %q %v", c.args, db, lang, ok, c.db, c.lang, c.ok)
		}
	}
}

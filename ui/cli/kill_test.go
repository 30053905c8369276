package cli_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/internal/testbin"
)

// content is everything a ledger holds (and a check that it is whole).
func content(t *testing.T, path string) string { return testbin.Content(t, path) }

func cp(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func runBin(t *testing.T, bin string, args ...string) {
	t.Helper()
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("taizhang %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// killMidway runs the command again and again, killing it with SIGKILL at
// delays spread over its normal run time, and hands each killed round to
// check.
func killMidway(t *testing.T, rounds int, prepare func(round int) []string, check func(round int, killed bool)) {
	t.Helper()
	bin := testbin.Build(t)
	// How long does it take when left alone?
	args := prepare(-1)
	start := time.Now()
	runBin(t, bin, args...)
	full := time.Since(start)
	check(-1, false)
	killed := 0
	for r := 0; r < rounds; r++ {
		args := prepare(r)
		cmd := exec.Command(bin, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(full * time.Duration(r) / time.Duration(rounds))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		wasKilled := err != nil && strings.Contains(err.Error(), "killed")
		if wasKilled {
			killed++
		}
		check(r, wasKilled)
	}
	t.Logf("%d rounds over a %s run, %d killed before they finished", rounds, full.Round(time.Millisecond), killed)
}

// killOnCopies runs a command on a fresh copy of base at ledger, killing it
// at spread moments, and checks that every round leaves the copy either as
// base was or as the completed command leaves it (which must differ). It
// returns the completed command's content.
func killOnCopies(t *testing.T, base, ledger string, rounds int, args ...string) string {
	t.Helper()
	before := content(t, base)
	var after string
	killMidway(t, rounds, func(int) []string {
		for _, p := range []string{ledger, ledger + "-wal", ledger + "-shm"} {
			os.Remove(p)
		}
		cp(t, base, ledger)
		return append([]string{"--db", ledger}, args...)
	}, func(r int, killed bool) {
		got := content(t, ledger)
		if r < 0 {
			if after = got; after == before {
				t.Fatalf("taizhang %s changed nothing", args[0])
			}
			return
		}
		// Unchanged means byte for byte; fully changed means as the first
		// run left it, apart from the moment each row was written.
		done := testbin.Unstamped(got) == testbin.Unstamped(after)
		if got != before && !done {
			t.Fatalf("round %d (killed: %v): the ledger is neither as it was nor fully changed by %s", r, killed, args[0])
		}
		if !killed && !done {
			t.Fatalf("round %d: %s finished but the ledger is not fully changed", r, args[0])
		}
	})
	return after
}

// bigLedger is a demo ledger of two years and 8 000 records, built once.
func bigLedger(t *testing.T) string {
	t.Helper()
	path, err := data.DemoFile(os.TempDir(), model.DemoOptions{Years: 2, Duties: 60, Records: 8000, Today: model.NewDate(2026, 11, 22), Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// Killing import, restore, carry, plan --apply or export at any moment leaves the
// ledger either as it was or fully changed, and no half-written export
// under the target's name.
func TestKillMidOperation(t *testing.T) {
	if testing.Short() {
		t.Skip("kills the real binary many times; skipped with -short")
	}
	bin := testbin.Build(t)
	dir := t.TempDir()
	big := bigLedger(t)
	const rounds = 12

	t.Run("import", func(t *testing.T) {
		dump := filepath.Join(dir, "dump.json")
		runBin(t, bin, "--db", big, "export", "--format", "json", "--all", "-o", dump)
		base := filepath.Join(dir, "import-base.db")
		runBin(t, bin, "--db", base, "template", "apply", "leadership", "--year", "2026")
		killOnCopies(t, base, filepath.Join(dir, "import.db"), rounds, "import", dump)
	})

	t.Run("restore", func(t *testing.T) {
		backup := filepath.Join(dir, "backup.db")
		runBin(t, bin, "--db", big, "backup", backup)
		small := filepath.Join(dir, "restore-base.db")
		runBin(t, bin, "--db", small, "template", "apply", "section-chief")
		if after := killOnCopies(t, small, filepath.Join(dir, "restore.db"), rounds, "restore", backup); after != content(t, backup) {
			t.Fatal("a full restore does not hold what the backup holds")
		}
	})

	t.Run("log attach", func(t *testing.T) {
		// A record with a 20 MB scan and a paper locator: killed at any
		// moment, the ledger has the record with all its evidence or none
		// of it, and never part of the file.
		scan := filepath.Join(dir, "scan.pdf")
		b := make([]byte, 20<<20)
		for i := range b {
			b[i] = byte(i * 7)
		}
		os.WriteFile(scan, b, 0o600)
		base := filepath.Join(dir, "attach-base.db")
		runBin(t, bin, "--db", base, "duty", "add", "--title", "党小组会", "--category", "meeting", "--cadence", "month", "--min", "1")
		killOnCopies(t, base, filepath.Join(dir, "attach.db"), rounds, "log", "党小组会", "--attach", scan, "--paper", "记录本第3页")
	})

	t.Run("carry", func(t *testing.T) {
		killOnCopies(t, big, filepath.Join(dir, "carry.db"), rounds, "carry", "--from", "2026", "--to", "2027")
	})

	t.Run("plan apply", func(t *testing.T) {
		text := filepath.Join(dir, "plan.txt")
		var b strings.Builder
		b.WriteString("2026年工作计划\n")
		for i := 1; i <= 200; i++ {
			fmt.Fprintf(&b, "%d. 每月开展1次第%d专题学习，全年开展第%d项调研不少于%d次。\n", i, i, i, 1+i%12)
		}
		os.WriteFile(text, []byte(b.String()), 0o600)
		killOnCopies(t, big, filepath.Join(dir, "plan.db"), rounds, "plan", text, "--apply", "--year", "2026")
	})

	for _, format := range []string{"xlsx", "md", "docx", "json"} {
		t.Run("export "+format, func(t *testing.T) {
			out := filepath.Join(dir, "summary."+format)
			var whole []byte
			killMidway(t, rounds, func(r int) []string {
				os.Remove(out)
				return []string{"--db", big, "export", "--year", "2026", "--as-of", "2026-11-22", "--format", format, "-o", out}
			}, func(r int, killed bool) {
				b, err := os.ReadFile(out)
				if r < 0 {
					whole = b
					return
				}
				if err != nil {
					return // killed before the rename: nothing under the name
				}
				if !complete(format, b, whole) {
					t.Fatalf("round %d: a file of %d bytes under the target name is not a whole export (%d bytes)", r, len(b), len(whole))
				}
			})
		})
	}
}

// complete reports whether b is a whole export: the same text for md, a
// JSON document for json, a zip whose every part reads for docx and xlsx
// (their zip entries carry timestamps, so bytes differ between runs).
func complete(format string, b, whole []byte) bool {
	switch format {
	case "md":
		return bytes.Equal(b, whole)
	case "json":
		return json.Valid(b) && len(b) > len(whole)/2
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			return false
		}
		if _, err := io.Copy(io.Discard, rc); err != nil {
			return false
		}
		rc.Close()
	}
	return len(z.File) > 3
}

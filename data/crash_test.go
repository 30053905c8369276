package data

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"taizhang/model"
)

// crashChildEnv tells the test binary it is the writer child of TestCrash.
const crashChildEnv = "TAIZHANG_CRASH_CHILD"

// TestHelperWriter is the child of TestCrash: it writes through the real
// store as fast as it can and acknowledges each commit on stdout. It is
// not a test on its own.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("the writer child of TestCrash; runs only when TestCrash starts it")
	}
	say := childSay()
	// fail ends the child: a full disk, when the parent filled it, is
	// expected and said so; anything else is an error.
	fail := func(err error) {
		if os.Getenv("TAIZHANG_CRASH_FULL") != "" && (errors.Is(err, syscall.ENOSPC) || isKind(err, model.KindDiskFull)) {
			say("full %v", err)
			os.Exit(4)
		}
		say("error %v", err)
		os.Exit(3)
	}
	s, err := Open(path)
	if err != nil {
		fail(err)
	}
	// Long notes fill pages fast; a checkpoint every few commits puts the
	// kills inside checkpoints too.
	noteLen, _ := strconv.Atoi(os.Getenv("TAIZHANG_CRASH_NOTE"))
	every, _ := strconv.Atoi(os.Getenv("TAIZHANG_CRASH_CHECKPOINT"))
	note := strings.Repeat("记", noteLen/3)
	ctx := context.Background()
	today := model.NewDate(2026, 11, 22)
	seed, _ := strconv.ParseUint(os.Getenv("TAIZHANG_CRASH_SEED"), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 7))
	duties, _ := s.YearDuties(ctx, 2026)
	var ids []int64
	for _, d := range duties {
		ids = append(ids, d.ID)
	}
	recs, _ := s.Records(ctx, RecordFilter{})
	var live []int64
	for _, r := range recs {
		live = append(live, r.ID)
	}
	for n := 0; ; n++ {
		if every > 0 && n%every == every-1 {
			say("begin checkpoint")
			if _, err := s.DB().Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil && !strings.Contains(err.Error(), "locked") {
				fail(s.dbError(err))
			}
			say("ack checkpoint")
		}
		op := rng.IntN(10)
		switch {
		case op < 5 || len(live) == 0:
			topic := fmt.Sprintf("t%d-%d", seed, n)
			say("begin add %s", topic)
			r, err := s.AddRecord(ctx, model.Record{DutyID: ids[rng.IntN(len(ids))], Date: today - model.Date(rng.IntN(300)), Topic: topic, Note: note}, today)
			if err != nil {
				fail(err)
			}
			live = append(live, r.ID)
			say("ack add %d %s", r.ID, topic)
		case op < 8:
			id := live[rng.IntN(len(live))]
			r, err := s.Record(ctx, id)
			if err != nil {
				fail(err)
			}
			r.Topic = fmt.Sprintf("e%d-%d", seed, n)
			say("begin edit %d %s", id, r.Topic)
			if _, _, err := s.UpdateRecord(ctx, r, today); err != nil {
				fail(err)
			}
			say("ack edit %d %s", id, r.Topic)
		case op < 9:
			i := rng.IntN(len(live))
			id := live[i]
			say("begin delete %d", id)
			r, err := s.Record(ctx, id)
			if err == nil {
				_, err = s.DeleteRecord(ctx, r)
			}
			if err != nil {
				fail(err)
			}
			live = append(live[:i], live[i+1:]...)
			say("ack delete %d", id)
		default:
			title := fmt.Sprintf("事项%d-%d", seed, n)
			say("begin duty %s", title)
			id, err := s.AddDuty(ctx, model.Duty{Title: title, Category: model.Other}, model.Target{Year: 2026, Cadence: model.Month, Min: 1 + rng.IntN(3)})
			if err != nil {
				fail(err)
			}
			ids = append(ids, id)
			say("ack duty %d %s", id, title)
		}
	}
}

// crashState is what the parent knows was committed: acknowledged changes,
// and the one change that had begun but not been acknowledged when the
// child died (it may or may not have committed).
type crashState struct {
	topics  map[int64]string // record id → topic
	duties  map[string]bool
	pending []string // the begun, unacknowledged line, split
}

func (cs *crashState) apply(line string) {
	f := strings.Fields(line)
	if len(f) < 2 {
		return
	}
	switch f[0] {
	case "begin":
		cs.pending = f[1:]
	case "ack":
		cs.pending = nil
		switch f[1] {
		case "add", "edit":
			id, _ := strconv.ParseInt(f[2], 10, 64)
			cs.topics[id] = f[3]
		case "delete":
			id, _ := strconv.ParseInt(f[2], 10, 64)
			delete(cs.topics, id)
		case "duty":
			cs.duties[f[3]] = true
		}
	}
}

// TestCrash kills a writer with SIGKILL at random moments, again and
// again, and checks after every round that the ledger is whole and holds
// every acknowledged change.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("the crash test runs for about a minute; skipped with -short")
	}
	rounds := 200
	if v, err := strconv.Atoi(os.Getenv("TAIZHANG_CRASH_ROUNDS")); err == nil {
		rounds = v
	}
	path, cs := crashLedger(t, t.TempDir())
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	acked, start := 0, time.Now()
	for round := 0; round < rounds; round++ {
		n, _ := crashRound(t, path, cs, round, rng, 40*time.Millisecond, nil)
		acked += n
	}
	t.Logf("%d rounds in %s, %d acknowledged changes, every one found after its crash; %d records, %d duties at the end",
		rounds, time.Since(start).Round(time.Millisecond), acked, len(cs.topics), len(cs.duties))
}

// childSay is how the child of a crash test reports: a line on stdout,
// flushed at once, so that the parent has it before any kill.
func childSay() func(format string, args ...any) {
	out := bufio.NewWriter(os.Stdout)
	return func(format string, args ...any) {
		fmt.Fprintf(out, format+"\n", args...)
		out.Flush()
	}
}

// startChild runs the test binary's helper test of that name with env
// added, as the child of a crash test; lines brings what it prints and is
// closed when it ends.
func startChild(t *testing.T, helper string, env ...string) (cmd *exec.Cmd, lines <-chan string) {
	t.Helper()
	cmd = exec.Command(os.Args[0], "-test.run=^"+helper+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ch := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			ch <- sc.Text()
		}
		close(ch)
	}()
	return cmd, ch
}

// killChild kills the child outright and hands take what it printed
// before it died: those commits happened.
func killChild(cmd *exec.Cmd, lines <-chan string, take func(string)) {
	cmd.Process.Signal(syscall.SIGKILL)
	for line := range lines {
		take(line)
	}
}

// crashRound runs the writer child once on path, kills it at a random
// moment after its first commit (unless it stops first: a full disk),
// and checks the ledger holds every acknowledged change. It returns the
// changes acknowledged and whether the child stopped on a full disk.
func crashRound(t *testing.T, path string, cs *crashState, round int, rng *rand.Rand, lifeMax time.Duration, env []string) (acked int, full bool) {
	t.Helper()
	cmd, lines := startChild(t, "TestHelperWriter", append([]string{crashChildEnv + "=" + path, fmt.Sprintf("TAIZHANG_CRASH_SEED=%d", round)}, env...)...)
	take := func(line string) {
		switch {
		case strings.HasPrefix(line, "error"):
			cmd.Process.Kill()
			t.Fatalf("round %d: the writer failed: %s", round, line)
		case strings.HasPrefix(line, "full"):
			full = true
			if !strings.Contains(line, filepath.Dir(path)) {
				t.Errorf("round %d: the full-disk message does not name the ledger's disk: %s", round, line)
			}
		case strings.HasPrefix(line, "ack"):
			acked++
		}
		cs.apply(line)
	}
	// Let it write for a random while, counting from its first commit
	// so that every round kills it mid-stream; with no lifeMax, until it
	// stops by itself (a full disk), within a minute.
	deadline := time.Time{}
	var life time.Duration
	if lifeMax > 0 {
		life = time.Duration(rng.Int64N(int64(lifeMax)))
	}
	limit := time.After(time.Minute)
read:
	for {
		var timeout <-chan time.Time
		if !deadline.IsZero() {
			timeout = time.After(time.Until(deadline))
		}
		select {
		case <-limit:
			cmd.Process.Kill()
			t.Fatalf("round %d: the writer did not stop within a minute", round)
		case line, ok := <-lines:
			if !ok {
				break read
			}
			take(line)
			if strings.HasPrefix(line, "ack") && deadline.IsZero() && lifeMax > 0 {
				deadline = time.Now().Add(life)
			}
		case <-timeout:
			killChild(cmd, lines, take)
			break read
		}
	}
	cmd.Wait()
	verifyCrash(t, path, cs, round)
	return acked, full
}

// shortAfterCrash reports whether the ledger file is shorter than its
// header says: the state a checkpoint cut off leaves.
func shortAfterCrash(path string) bool {
	h, err := readHeader(path)
	fi, serr := os.Stat(path)
	return err == nil && serr == nil && h != nil && short(h, fi.Size())
}

// TestCrashDuringCheckpoints kills a writer that checkpoints every few
// commits and writes long notes, so that kills land inside checkpoints:
// the ledger opens after each with every acknowledged change.
func TestCrashDuringCheckpoints(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	path, cs := crashLedger(t, t.TempDir())
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	rounds, acked, short := 40, 0, 0
	if underRace {
		rounds = 12
	}
	for round := 0; round < rounds; round++ {
		n, _ := crashRound(t, path, cs, round, rng, 40*time.Millisecond, []string{"TAIZHANG_CRASH_NOTE=6000", "TAIZHANG_CRASH_CHECKPOINT=3"})
		acked += n
		if shortAfterCrash(path) {
			short++
		}
	}
	t.Logf("%d rounds killed among checkpoints, %d acknowledged changes all found; %d rounds left the file shorter than its header, each opened from its WAL", rounds, acked, short)
}

// TestCrashOnAFullDisk writes on a 2 MB file system until it is full,
// killing the writer at random moments and freeing a little space between
// rounds: every acknowledged change is there after each, the ledger opens
// and reads while the disk is full, and a write that did not fit is
// refused with the full-disk sentence naming the ledger's disk.
func TestCrashOnAFullDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short")
	}
	mnt := filepath.Join(t.TempDir(), "small")
	os.Mkdir(mnt, 0o700)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mnt).CombinedOutput(); err != nil {
		if os.Geteuid() == 0 {
			t.Fatalf("mount a 2 MB tmpfs for the full-disk test: %v %s", err, out)
		}
		t.Skipf("the full-disk test mounts a 2 MB tmpfs, which needs root (CI runs as root): %v", err)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", mnt).Run() })
	path, cs := crashLedger(t, mnt)
	filler := filepath.Join(mnt, "filler")
	if err := os.WriteFile(filler, make([]byte, 1400<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	rounds, acked, fulls, short := 12, 0, 0, 0
	if underRace {
		rounds = 6
	}
	for round := 0; round < rounds; round++ {
		// Every other round writes until the disk is full; the others are
		// killed at a random moment, full or not.
		lifeMax := 600 * time.Millisecond
		if round%2 == 0 {
			lifeMax = 0
		}
		n, full := crashRound(t, path, cs, round, rng, lifeMax, []string{"TAIZHANG_CRASH_NOTE=3000", "TAIZHANG_CRASH_CHECKPOINT=4", "TAIZHANG_CRASH_FULL=1"})
		acked += n
		if full {
			fulls++
		}
		if shortAfterCrash(path) {
			short++
		}
		// Free some space for the next round.
		if fi, err := os.Stat(filler); err == nil && fi.Size() > 0 {
			os.Truncate(filler, max(0, fi.Size()-64<<10))
		}
	}
	if fulls < rounds/2 {
		t.Errorf("%d of %d rounds filled the disk, want at least %d", fulls, rounds, rounds/2)
	}
	// A backup of a ledger elsewhere onto the full disk names that disk.
	os.WriteFile(filler, make([]byte, 2<<20), 0o600) // as much as fits
	elsewhere, _ := crashLedger(t, t.TempDir())
	s, err := Open(elsewhere)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.Backup(ctx, filepath.Join(mnt, "backup.db"))
	f, ok := model.AsFailure(err)
	if !ok || f.Kind != model.KindDiskFull || f.Args[0] != mnt {
		t.Errorf("a backup onto the full disk: %v", err)
	}
	for _, e := range mustReadDir(t, mnt) {
		if strings.HasPrefix(e, "backup") || strings.HasPrefix(e, ".taizhang-") {
			t.Errorf("the refused backup left %s", e)
		}
	}
	t.Logf("%d rounds on a 2 MB disk: %d stopped by the full disk, the rest killed; %d acknowledged changes all found; %d rounds left the file shorter than its header", rounds, fulls, acked, short)
}

// crashLedger makes a ledger in dir with the section chief's duties, and
// the crash state that knows them.
func crashLedger(t *testing.T, dir string) (string, *crashState) {
	t.Helper()
	path := filepath.Join(dir, "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tpl, _ := model.FindTemplate("section-chief")
	ds, ts := tpl.Build(2026, model.Chinese)
	if _, err := s.AddDuties(ctx, ds, ts); err != nil {
		t.Fatal(err)
	}
	s.Close()
	cs := &crashState{topics: map[int64]string{}, duties: map[string]bool{}}
	for _, d := range ds {
		cs.duties[d.Title] = true
	}
	return path, cs
}

func verifyCrash(t *testing.T, path string, cs *crashState, round int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: reopen after the crash: %v", round, err)
	}
	defer s.Close()
	var check string
	if err := s.DB().QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, check, err)
	}
	rows, err := s.DB().Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Fatalf("round %d: foreign_key_check reports a violation", round)
	}
	rows.Close()
	recs, err := s.Records(ctx, RecordFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]string{}
	for _, r := range recs {
		got[r.ID] = r.Topic
	}
	p := cs.pending
	uncertain := func(kind string) (int64, string, bool) {
		if len(p) < 2 || p[0] != kind {
			return 0, "", false
		}
		if kind == "add" || kind == "duty" {
			return 0, p[1], true
		}
		id, _ := strconv.ParseInt(p[1], 10, 64)
		rest := ""
		if len(p) > 2 {
			rest = p[2]
		}
		return id, rest, true
	}
	for id, topic := range cs.topics {
		g, ok := got[id]
		if eid, etopic, isEdit := uncertain("edit"); isEdit && eid == id && (g == etopic || g == topic) {
			cs.topics[id] = g
			continue
		}
		if did, _, isDel := uncertain("delete"); isDel && did == id {
			if !ok {
				delete(cs.topics, id)
			}
			continue
		}
		if !ok || g != topic {
			t.Fatalf("round %d: acknowledged record %d (%s) is %q, found=%v", round, id, topic, g, ok)
		}
	}
	for id, g := range got {
		if _, ok := cs.topics[id]; ok {
			continue
		}
		if _, topic, isAdd := uncertain("add"); isAdd && g == topic {
			cs.topics[id] = g // the unacknowledged add did commit
			continue
		}
		t.Fatalf("round %d: record %d (%q) is in the ledger, but no acknowledged change leaves it there", round, id, g)
	}
	duties, _ := s.Duties(ctx)
	have := map[string]bool{}
	for _, d := range duties {
		have[d.Title] = true
	}
	for title := range cs.duties {
		if !have[title] {
			t.Fatalf("round %d: acknowledged duty %s is missing", round, title)
		}
	}
	if _, title, isDuty := uncertain("duty"); isDuty && have[title] {
		cs.duties[title] = true
	}
	cs.pending = nil
}

func mustReadDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

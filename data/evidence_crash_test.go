package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"taizhang/model"
)

const attachChildEnv = "TAIZHANG_ATTACH_CHILD"

// TestHelperAttacher is the child of TestCrashAttach: it logs records with
// files attached, attaches more, and removes some, printing each change
// before it begins and after it commits. It is not a test on its own.
func TestHelperAttacher(t *testing.T) {
	path := os.Getenv(attachChildEnv)
	if path == "" {
		t.Skip("the child of TestCrashAttach; runs only when it starts it")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	say := childSay()
	fail := func(err error) {
		say("error %v", err)
		os.Exit(3)
	}
	ctx := context.Background()
	today := model.NewDate(2026, 11, 22)
	seed, _ := strconv.ParseUint(os.Getenv("TAIZHANG_CRASH_SEED"), 10, 64)
	rng := rand.New(rand.NewPCG(seed, 11))
	duties, _ := s.YearDuties(ctx, 2026)
	files := func() ([]Attachment, []string) {
		var as []Attachment
		var sums []string
		for k := 1 + rng.IntN(3); k > 0; k-- {
			// Up to 3 MB, so that a kill often lands while a file is written.
			b := make([]byte, rng.IntN(64<<10))
			if rng.IntN(4) == 0 {
				b = make([]byte, rng.IntN(3<<20))
			}
			for i := 0; i < len(b); i += 4096 {
				b[i] = byte(rng.Uint32())
			}
			b = append(b, byte(rng.Uint32()), byte(rng.Uint32()), byte(rng.Uint32()), byte(rng.Uint32()))
			as = append(as, Attachment{Name: fmt.Sprintf("f%d.bin", rng.IntN(1000)), Data: b})
			sums = append(sums, HashHex(b))
		}
		return as, sums
	}
	recs, _ := s.Records(ctx, RecordFilter{})
	var live []int64
	for _, r := range recs {
		live = append(live, r.ID)
	}
	for n := 0; ; n++ {
		switch op := rng.IntN(10); {
		case op < 5 || len(live) == 0:
			as, sums := files()
			topic := fmt.Sprintf("a%d-%d", seed, n)
			say("begin log %s %s", topic, strings.Join(sums, ","))
			r, err := s.AddRecordWith(ctx, model.Record{DutyID: duties[rng.IntN(len(duties))].ID, Date: today, Topic: topic}, today, as)
			if err != nil {
				fail(err)
			}
			live = append(live, r.ID)
			say("ack log %d %s %s", r.ID, topic, strings.Join(sums, ","))
		case op < 8:
			id := live[rng.IntN(len(live))]
			as, sums := files()
			say("begin attach %d %s", id, strings.Join(sums, ","))
			if _, err := s.AddEvidence(ctx, id, as); err != nil {
				fail(err)
			}
			say("ack attach %d %s", id, strings.Join(sums, ","))
		default:
			id := live[rng.IntN(len(live))]
			items, err := s.Evidence(ctx, id)
			if err != nil {
				fail(err)
			}
			if len(items) == 0 {
				continue
			}
			e := items[rng.IntN(len(items))]
			say("begin remove %d %s", id, e.SHA256)
			if _, err := s.RemoveEvidence(ctx, e.ID); err != nil {
				fail(err)
			}
			if _, err := s.PurgeEvidence(ctx); err != nil {
				fail(err)
			}
			say("ack remove %d %s", id, e.SHA256)
		}
	}
}

// TestCrashAttach kills the attaching child at random moments and checks
// after each round that every record holds exactly the evidence its
// acknowledged changes gave it (a change under way when the child died is
// there whole or not at all), that every stored file matches its hash and
// size, and that the ledger is whole.
func TestCrashAttach(t *testing.T) {
	if testing.Short() {
		t.Skip("the attach crash test is skipped with -short")
	}
	rounds := 25
	if v, err := strconv.Atoi(os.Getenv("TAIZHANG_CRASH_ROUNDS")); err == nil {
		rounds = max(1, v/8)
	}
	path := filepath.Join(t.TempDir(), "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddDuty(ctx, model.Duty{Title: "党小组会", Category: model.Meeting}, model.Target{Year: 2026, Cadence: model.Month, Min: 1}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	want := map[int64][]string{} // record → its files' hashes, sorted
	topics := map[int64]string{}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	start, acked := time.Now(), 0
	for round := 0; round < rounds; round++ {
		cmd, lines := startChild(t, "TestHelperAttacher", attachChildEnv+"="+path, fmt.Sprintf("TAIZHANG_CRASH_SEED=%d", round))
		var pending []string
		apply := func(line string) {
			f := strings.Fields(line)
			if len(f) < 3 {
				return
			}
			if f[0] == "error" {
				t.Fatalf("round %d: the child failed: %s", round, line)
			}
			if f[0] == "begin" {
				pending = f[1:]
				return
			}
			pending = nil
			acked++
			id, _ := strconv.ParseInt(f[2], 10, 64)
			switch f[1] {
			case "log":
				topics[id] = f[3]
				want[id] = hashes(f[4])
			case "attach":
				want[id] = append(want[id], hashes(f[3])...)
			case "remove":
				if i := slices.Index(want[id], f[3]); i >= 0 {
					want[id] = slices.Delete(want[id], i, i+1)
				}
			}
			slices.Sort(want[id])
		}
		kill := time.After(time.Duration(20+rng.IntN(120)) * time.Millisecond)
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break read
				}
				apply(line)
			case <-kill:
				killChild(cmd, lines, apply)
				break read
			}
		}
		cmd.Wait()
		verifyAttach(t, path, round, want, topics, pending)
	}
	t.Logf("%d rounds in %s, %d acknowledged changes, %d records with their evidence whole after every kill",
		rounds, time.Since(start).Round(time.Millisecond), acked, len(want))
}

func hashes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func verifyAttach(t *testing.T, path string, round int, want map[int64][]string, topics map[int64]string, pending []string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: reopen: %v", round, err)
	}
	defer s.Close()
	checkIntegrity(t, s)
	// Every stored file is whole: its bytes hash to its key and fill its size.
	rows, err := s.DB().Query(`SELECT sha256, size, data FROM blobs`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var sum string
		var size int64
		var data []byte
		rows.Scan(&sum, &size, &data)
		if HashHex(data) != sum || int64(len(data)) != size {
			t.Fatalf("round %d: a stored file is not whole (%s…, %d of %d bytes)", round, sum[:12], len(data), size)
		}
	}
	rows.Close()
	got := map[int64][]string{}
	recs, _ := s.Records(ctx, RecordFilter{})
	for _, r := range recs {
		items, err := s.Evidence(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var sums []string
		for _, e := range items {
			sums = append(sums, e.SHA256)
		}
		slices.Sort(sums)
		got[r.ID] = sums
		if _, known := topics[r.ID]; !known {
			// Only the log under way may have committed, and then whole.
			if len(pending) == 3 && pending[0] == "log" && r.Topic == pending[1] {
				exp := hashes(pending[2])
				slices.Sort(exp)
				if !slices.Equal(sums, exp) {
					t.Fatalf("round %d: the record logged as the child died has %d of its %d files", round, len(sums), len(exp))
				}
				topics[r.ID], want[r.ID] = r.Topic, sums
				continue
			}
			t.Fatalf("round %d: record %d (%s) was never acknowledged", round, r.ID, r.Topic)
		}
	}
	for id, exp := range want {
		g := got[id]
		if slices.Equal(g, exp) {
			continue
		}
		if len(pending) == 3 && pending[0] == "attach" && pending[1] == strconv.FormatInt(id, 10) {
			with := append(slices.Clone(exp), hashes(pending[2])...)
			slices.Sort(with)
			if slices.Equal(g, with) {
				want[id] = g
				continue
			}
		}
		if len(pending) == 3 && pending[0] == "remove" && pending[1] == strconv.FormatInt(id, 10) {
			if i := slices.Index(exp, pending[2]); i >= 0 && slices.Equal(g, slices.Delete(slices.Clone(exp), i, i+1)) {
				want[id] = g
				continue
			}
		}
		t.Fatalf("round %d: record %d has files %v, want %v (pending %v)", round, id, g, exp, pending)
	}
}

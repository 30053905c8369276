package data

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"taizhang/model"
)

// TestHelperAdder is a child of TestConcurrentWriters: it adds records one
// transaction at a time and reports any error. Not a test on its own.
func TestHelperAdder(t *testing.T) {
	path := os.Getenv("TAIZHANG_ADDER")
	if path == "" {
		t.Skip("a writer child of TestConcurrentWriters; runs only when that test starts it")
	}
	n, _ := strconv.Atoi(os.Getenv("TAIZHANG_ADDER_N"))
	who := os.Getenv("TAIZHANG_ADDER_WHO")
	s, err := Open(path)
	if err != nil {
		fmt.Println("error open:", err)
		os.Exit(3)
	}
	defer s.Close()
	today := model.NewDate(2026, 11, 22)
	ds, err := s.YearDuties(ctx, 2026)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for i := 0; i < n; i++ {
		// A read (status) and a write (a record whose duty and target the
		// store reads first) from each process, interleaved with the others.
		if _, err := s.YearStatus(ctx, 2026, today); err != nil {
			fmt.Println("error status:", err)
			os.Exit(3)
		}
		d := ds[i%len(ds)]
		if _, err := s.AddRecord(ctx, model.Record{DutyID: d.ID, Date: today - model.Date(i%200), Topic: fmt.Sprintf("%s-%d", who, i)}, today); err != nil {
			fmt.Println("error add:", err)
			os.Exit(3)
		}
		if i%10 == 9 {
			// Another process may edit the same record between the read
			// and the edit: the edit is then refused as stale, and is
			// read again and retried, as the officer would.
			var err error
			for try := 0; try < 20; try++ {
				var r []model.Record
				r, err = s.Records(ctx, RecordFilter{DutyID: d.ID})
				if err == nil && len(r) > 0 {
					x := r[0]
					x.Note = who
					_, _, err = s.UpdateRecord(ctx, x, today)
				}
				if !errors.Is(err, model.ErrChanged) {
					break
				}
			}
			if err != nil {
				fmt.Println("error edit:", err)
				os.Exit(3)
			}
		}
	}
	fmt.Println("done")
}

// TestConcurrentWriters runs two, then three processes writing the same
// ledger at once: every record arrives and none fails as locked.
func TestConcurrentWriters(t *testing.T) {
	for _, procs := range []int{2, 3} {
		t.Run(fmt.Sprintf("%d processes", procs), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "taizhang.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			tpl, _ := model.FindTemplate("leadership")
			ds, ts := tpl.Build(2026, model.Chinese)
			if _, err := s.AddDuties(ctx, ds, ts); err != nil {
				t.Fatal(err)
			}
			const each = 150
			var wg sync.WaitGroup
			outs := make([]string, procs)
			for p := 0; p < procs; p++ {
				wg.Add(1)
				go func(p int) {
					defer wg.Done()
					cmd := exec.Command(os.Args[0], "-test.run=^TestHelperAdder$", "-test.count=1")
					cmd.Env = append(os.Environ(), "TAIZHANG_ADDER="+path, "TAIZHANG_ADDER_N="+strconv.Itoa(each), fmt.Sprintf("TAIZHANG_ADDER_WHO=p%d", p))
					out, _ := cmd.CombinedOutput()
					outs[p] = string(out)
				}(p)
			}
			wg.Wait()
			for p, out := range outs {
				if strings.Contains(out, "error") || !strings.Contains(out, "done") {
					t.Errorf("process %d: %s", p, out)
				}
			}
			recs, err := s.Records(ctx, RecordFilter{})
			if err != nil {
				t.Fatal(err)
			}
			per := map[string]int{}
			for _, r := range recs {
				per[strings.SplitN(r.Topic, "-", 2)[0]]++
			}
			if len(recs) != procs*each {
				t.Errorf("%d records, want %d (%v)", len(recs), procs*each, per)
			}
			for p := 0; p < procs; p++ {
				if n := per[fmt.Sprintf("p%d", p)]; n != each {
					t.Errorf("process %d wrote %d records, want %d", p, n, each)
				}
			}
			s.Close()
			t.Logf("%d processes: %d records, exact, no locked errors", procs, len(recs))
		})
	}
}

package data

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"taizhang/model"
)

// benchToday fixes the day benchmark ledgers are generated and evaluated on.
var benchToday = model.NewDate(2026, 11, 22)

// benchSize is the ledger the benchmarks run on: a small one by default,
// the largest an officer will have (10 years × 300 duties × 100 000
// records) with TAIZHANG_BENCH=big.
func benchSize() model.DemoOptions {
	if os.Getenv("TAIZHANG_BENCH") == "big" {
		return model.DemoOptions{Years: 10, Duties: 300, Records: 100000, Today: benchToday, Seed: 1}
	}
	return model.DemoOptions{Years: 2, Duties: 40, Records: 2000, Today: benchToday, Seed: 1}
}

// BenchLedger returns the path of a generated ledger of the given size,
// built once and kept in the temporary directory between runs.
func BenchLedger(tb testing.TB, o model.DemoOptions) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("taizhang-bench-%d-%d-%d.db", o.Years, o.Duties, o.Records))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	removeDB(tmp)
	s, err := Open(tmp)
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.FillDemo(ctx, model.Demo(o)); err != nil {
		tb.Fatal(err)
	}
	s.Close()
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkOpenStatus is what `taizhang status` does past process start:
// open the ledger and evaluate this year.
func BenchmarkOpenStatus(b *testing.B) {
	path := BenchLedger(b, benchSize())
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.YearStatus(ctx, 2026, benchToday); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkYearStatus evaluates this year on an open ledger.
func BenchmarkYearStatus(b *testing.B) {
	s, err := Open(BenchLedger(b, benchSize()))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.YearStatus(ctx, 2026, benchToday); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLog adds one record with a durable commit, on a copy of the
// ledger so the cached one stays as generated.
func BenchmarkLog(b *testing.B) {
	src, err := Open(BenchLedger(b, benchSize()))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "log.db")
	if err := src.Backup(ctx, path); err != nil {
		b.Fatal(err)
	}
	src.Close()
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.AddRecord(ctx, model.Record{DutyID: 1, Date: benchToday, Topic: "学习"}, benchToday); err != nil {
			b.Fatal(err)
		}
	}
}

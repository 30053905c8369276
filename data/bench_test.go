package data

import (
	"os"
	"path/filepath"
	"testing"

	"taizhang/model"
)

// benchToday is the day benchmark ledgers are generated and evaluated on.
var benchToday = BenchSize().Today

// benchLedger is the cached generated ledger the benchmarks run on.
func benchLedger(b *testing.B) string {
	b.Helper()
	path, err := DemoFile(os.TempDir(), BenchSize())
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenStatus is what `taizhang status` does past process start:
// open the ledger and evaluate this year.
func BenchmarkOpenStatus(b *testing.B) { openStatus(b, benchLedger(b)) }

// openStatus opens the ledger at path and evaluates this year, b.N times.
func openStatus(b *testing.B, path string) {
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
	s, err := Open(benchLedger(b))
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
	src, err := Open(benchLedger(b))
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

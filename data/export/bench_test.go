package export

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"taizhang/data"
	"taizhang/model"
)

// benchToday is the day the benchmark ledger is generated and exported on.
var benchToday = model.NewDate(2026, 11, 22)

// benchOptions is a year of 10 000 records over 60 duties: a very busy
// officer's ledger, the size the export must handle in well under 300 ms.
var benchOptions = model.DemoOptions{Years: 1, Duties: 60, Records: 10000, Today: benchToday, Seed: 1}

// benchLedger opens a generated ledger, built once and kept in the
// temporary directory between runs.
func benchLedger(b *testing.B) *data.Store {
	b.Helper()
	o := benchOptions
	path := filepath.Join(os.TempDir(), fmt.Sprintf("taizhang-export-bench-%d-%d-%d-v2.db", o.Years, o.Duties, o.Records))
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(p)
		}
		s, err := data.Open(tmp)
		if err != nil {
			b.Fatal(err)
		}
		if err := s.FillDemo(ctx, model.Demo(o)); err != nil {
			b.Fatal(err)
		}
		s.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkExport writes a year of 10 000 records in each format, the way
// taizhang export does: read and check the year, render, write the file
// atomically with fsync.
func BenchmarkExport(b *testing.B) {
	s := benchLedger(b)
	dir := b.TempDir()
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			o := Options{Year: 2026, AsOf: benchToday, Format: f, Path: filepath.Join(dir, "out."+string(f)), Force: true}
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Write(ctx, s, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImport loads the JSON export of that year into an empty ledger.
func BenchmarkImport(b *testing.B) {
	s := benchLedger(b)
	path, _, err := Write(ctx, s, Options{Year: 2026, AsOf: benchToday, Format: JSON, Path: filepath.Join(b.TempDir(), "year.json")})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		dst, err := data.Open(filepath.Join(dir, fmt.Sprintf("import-%d.db", n)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		loaded, err := Import(ctx, dst, path, benchToday)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if loaded.RecordsAdded < 9000 {
			b.Fatalf("imported only %d records", loaded.RecordsAdded)
		}
		dst.Close()
		b.StartTimer()
	}
}

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
var benchToday = data.BenchSize().Today

// benchLedger opens the generated benchmark ledger (TAIZHANG_BENCH=big for
// 10 years × 300 duties × 100 000 records, about 10 000 of them in 2026),
// built once and kept in the temporary directory between runs.
func benchLedger(b *testing.B) *data.Store {
	b.Helper()
	path, err := data.DemoFile(os.TempDir(), data.BenchSize())
	if err != nil {
		b.Fatal(err)
	}
	s, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkExport writes a year (10 000 records on the big ledger) in each format, the way
// taizhang export does: read and check the year, render, write the file
// atomically with fsync.
func BenchmarkExport(b *testing.B) {
	s := benchLedger(b)
	dir := b.TempDir()
	type run struct {
		name   string
		f      Format
		layout model.Layout
	}
	var runs []run
	for _, f := range Formats {
		runs = append(runs, run{string(f), f, model.SummaryLayout})
	}
	// The 述责述廉 report, in Word: the skeleton with the same attachment.
	runs = append(runs, run{"docx-report", Word, model.ReportLayout})
	for _, r := range runs {
		b.Run(r.name, func(b *testing.B) {
			o := Options{Year: 2026, AsOf: benchToday, Format: r.f, Layout: r.layout, Path: filepath.Join(dir, "out."+string(r.f)), Force: true}
			b.ReportAllocs()
			cpu := cpuTime()
			n := 0
			for b.Loop() {
				n++
				if r.f == Zip {
					os.Remove(o.Path) // the bundle is never written over a file
				}
				if _, _, err := Write(ctx, s, o); err != nil {
					b.Fatal(err)
				}
			}
			// The processor time an export takes, which a machine shared
			// with other work does not inflate as it does the wall clock.
			b.ReportMetric(float64(cpuTime()-cpu)/float64(n)/1e6, "cpu-ms/op")
		})
	}
}

// BenchmarkImport loads the whole ledger's JSON export (100 000 records
// on the big ledger) into an empty ledger.
func BenchmarkImport(b *testing.B) {
	s := benchLedger(b)
	o := data.BenchSize()
	path, _, err := Write(ctx, s, Options{All: true, AsOf: benchToday, Format: JSON, Path: filepath.Join(b.TempDir(), "all.json")})
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
		if loaded.RecordsAdded != o.Records {
			b.Fatalf("imported %d records of %d", loaded.RecordsAdded, o.Records)
		}
		dst.Close()
		b.StartTimer()
	}
}

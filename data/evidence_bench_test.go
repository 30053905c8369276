package data

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"taizhang/model"
)

// evidenceLedgerFile is the benchmark ledger with files attached to its
// records: 2 GB of them (100 distinct files of 20 MB) with
// TAIZHANG_BENCH=big, 40 MB otherwise. It is built once and cached beside
// the plain benchmark ledger.
func evidenceLedgerFile(b *testing.B) string {
	b.Helper()
	files, size := 4, 10<<20
	if os.Getenv("TAIZHANG_BENCH") == "big" {
		files, size = 100, 20<<20
	}
	src := benchLedger(b)
	path := fmt.Sprintf("%s-evidence-%dx%d.db", src[:len(src)-3], files, size>>20)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	s, err := Open(src)
	if err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	removeDB(tmp)
	if err := s.Backup(ctx, tmp); err != nil {
		b.Fatal(err)
	}
	s.Close()
	if s, err = Open(tmp); err != nil {
		b.Fatal(err)
	}
	recs, err := s.Records(ctx, RecordFilter{Year: 2026})
	if err != nil || len(recs) == 0 {
		b.Fatal("no records to attach to", err)
	}
	body := make([]byte, size)
	for i := range body {
		body[i] = byte(i * 131)
	}
	for i := 0; i < files; i++ {
		binary.BigEndian.PutUint64(body, uint64(i)) // distinct content
		r := recs[i*len(recs)/files]
		if _, err := s.AddEvidence(ctx, r.ID, []Attachment{{Name: fmt.Sprintf("扫描件%03d.pdf", i), Data: body}}); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkOpenStatusWithEvidence is BenchmarkOpenStatus on the same
// ledger holding 2 GB of evidence (TAIZHANG_BENCH=big): reading the
// year's status must not read or wade through the files.
func BenchmarkOpenStatusWithEvidence(b *testing.B) {
	path := evidenceLedgerFile(b)
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "ledgerMB")
	}
	openStatus(b, path)
}

// BenchmarkAttach20MB attaches one 20 MB file (new content each time) to a
// record with a durable commit: what `taizhang evidence add` does past
// reading the file.
func BenchmarkAttach20MB(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "attach.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, err := s.AddDuty(ctx, model.Duty{Title: "党小组会", Category: model.Meeting}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		b.Fatal(err)
	}
	r, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: benchToday, Topic: "会"}, benchToday)
	if err != nil {
		b.Fatal(err)
	}
	body := make([]byte, 20<<20)
	for i := range body {
		body[i] = byte(i * 31)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	n := uint64(0)
	for b.Loop() {
		n++
		binary.BigEndian.PutUint64(body, n)
		if _, err := s.AddEvidence(ctx, r.ID, []Attachment{{Name: "scan.pdf", Data: body}}); err != nil {
			b.Fatal(err)
		}
	}
}

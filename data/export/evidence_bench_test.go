package export

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"taizhang/data"
	"taizhang/model"
)

// bundleLedger is a year of 250 meeting records with 500 files of 1 MB
// (photos and scans, 500 MB in all), built once and cached.
func bundleLedger(b *testing.B) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("taizhang-bundle-500x1MB-v%d.db", data.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := data.Open(tmp)
	if err != nil {
		b.Fatal(err)
	}
	id, err := s.AddDuty(ctx, model.Duty{Title: "党小组会", Category: model.Meeting, Evidence: "会议记录、签到表、照片"},
		model.Target{Year: 2026, Cadence: model.Week, Min: 1})
	if err != nil {
		b.Fatal(err)
	}
	body := make([]byte, 1<<20)
	for i := range body {
		body[i] = byte(i * 7)
	}
	n := uint64(0)
	for i := 0; i < 250; i++ {
		var items []data.Attachment
		for k := 0; k < 2; k++ {
			n++
			binary.BigEndian.PutUint64(body, n)
			items = append(items, data.Attachment{Name: fmt.Sprintf("现场照片%d.jpg", k+1), Data: append([]byte(nil), body...)})
		}
		day := model.NewDate(2026, 1, 1) + model.Date(i%330)
		if _, err := s.AddRecordWith(ctx, model.Record{DutyID: id, Date: day, Topic: fmt.Sprintf("第%d次党小组会", i+1)}, fixedToday, items); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkBundle writes the inspection bundle of a year with 500 files
// (500 MB) to a file, as export --format zip does.
func BenchmarkBundle(b *testing.B) {
	s, err := data.Open(bundleLedger(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	dir := b.TempDir()
	b.SetBytes(500 << 20)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		path := filepath.Join(dir, fmt.Sprintf("b%d.zip", i))
		if _, _, err := Write(ctx, s, Options{Year: 2026, AsOf: fixedToday, Format: Zip, Path: path, Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
		os.Remove(path)
	}
}

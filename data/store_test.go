package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"taizhang/model"
)

var ctx = context.Background()

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "ledger", "taizhang.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func day(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func mustAddDuty(t *testing.T, s *Store, title string, cat model.Category, cad model.Cadence, min, year int) int64 {
	t.Helper()
	id, err := s.AddDuty(ctx, model.Duty{Title: title, Category: cat}, model.Target{Year: year, Cadence: cad, Min: min})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestOpenCreatesPrivateLedger(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "taizhang")
	path := filepath.Join(dir, "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
	s.Close()
	fi, _ := os.Stat(dir)
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("directory mode %v, want 0700", fi.Mode().Perm())
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".taizhang-new-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	// Reopen: the data is there and nothing was migrated.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ds, err := s.Duties(ctx)
	if err != nil || len(ds) != 1 || ds[0].Title != "会前学法" {
		t.Fatalf("duties after reopen = %v, %v", ds, err)
	}
	if s.Migrated != "" {
		t.Errorf("a current ledger was migrated: %s", s.Migrated)
	}
	var mode string
	s.DB().QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %q", mode)
	}
	var fk int
	s.DB().QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if fk != 1 {
		t.Errorf("foreign keys off")
	}
}

func TestOpenRefusesWhatIsNotALedger(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := filepath.Join(dir, "other.db")
	{
		db, err := sql.Open("sqlite", other) // an SQLite file of another program
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec("CREATE TABLE t (x)"); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	newer := filepath.Join(dir, "newer.db")
	{
		s, err := Open(newer)
		if err != nil {
			t.Fatal(err)
		}
		s.db.Exec("PRAGMA user_version = 99")
		s.db.Close()
	}
	ledger := filepath.Join(dir, "ro.db")
	{
		s, err := Open(ledger)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		os.Chmod(ledger, 0o400)
	}
	sqliteHeader := append([]byte("SQLite format 3\x00"), make([]byte, 200)...)
	tests := []struct {
		name string
		path string
		want model.Kind
	}{
		{"text file", write("notes.txt", []byte("会前学法 2026-01-01\n"), 0o600), model.KindNotSQLite},
		{"empty file", write("empty.db", nil, 0o600), model.KindLedgerEmpty},
		{"short file", write("short.db", []byte("SQLite"), 0o600), model.KindNotSQLite},
		{"directory", dir, model.KindLedgerIsDir},
		{"another program's database", other, model.KindOtherSQLite},
		{"newer version", newer, model.KindNewerSchema},
		{"read-only ledger", ledger, model.KindFileReadOnly},
		{"bare sqlite header", write("bare.db", sqliteHeader, 0o600), model.KindOtherSQLite},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, tt.path)
			s, err := Open(tt.path)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			ie, ok := model.AsInput(err)
			if !ok {
				t.Fatalf("error %v is not an InputError", err)
			}
			// The front ends phrase the kind; the path is its first argument.
			if ie.Kind != tt.want || len(ie.Args) == 0 || ie.Args[0] != tt.path {
				t.Errorf("refusal %v, want the kind %s of %s", err, tt.want, tt.path)
			}
			if after := snapshot(t, tt.path); !bytes.Equal(before, after) {
				t.Errorf("file changed")
			}
		})
	}
}

// snapshot returns a file's bytes (or, for a directory, its listing).
func snapshot(t *testing.T, path string) []byte {
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.IsDir() {
		es, _ := os.ReadDir(path)
		var b bytes.Buffer
		for _, e := range es {
			b.WriteString(e.Name() + "\n")
		}
		return b.Bytes()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenInReadOnlyDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err := Open(filepath.Join(dir, "taizhang.db"))
	if _, ok := model.AsInput(err); !ok {
		t.Fatalf("Open in a read-only directory: %v", err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("files written in a read-only directory: %v", es)
	}
}

func TestDutiesAndTargets(t *testing.T) {
	s := openTemp(t)
	id := mustAddDuty(t, s, "  会前学法 ", model.Study, model.Month, 1, 2026)
	if _, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1}); err == nil {
		t.Error("a second duty with the same title was added")
	}
	bad := []struct {
		d model.Duty
		t model.Target
	}{
		{model.Duty{Title: "", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1}},
		{model.Duty{Title: "x", Category: "party"}, model.Target{Year: 2026, Cadence: model.Month, Min: 1}},
		{model.Duty{Title: "x", Category: model.Study}, model.Target{Year: 2026, Cadence: "daily", Min: 1}},
		{model.Duty{Title: "x", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 0}},
		{model.Duty{Title: "x", Category: model.Study}, model.Target{Year: 1800, Cadence: model.Month, Min: 1}},
		{model.Duty{Title: "x", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1, Start: day("2025-07-01")}},
	}
	for i, b := range bad {
		if _, err := s.AddDuty(ctx, b.d, b.t); err == nil {
			t.Errorf("bad duty %d was added", i)
		} else if _, ok := model.AsInput(err); !ok {
			t.Errorf("bad duty %d: %v is not an InputError", i, err)
		}
	}
	ds, _ := s.Duties(ctx)
	if len(ds) != 1 || ds[0].Title != "会前学法" {
		t.Fatalf("duties = %+v", ds)
	}
	// Edit the duty and add a target for 2027.
	d := ds[0]
	d.Basis = "《工作计划》第3条"
	if err := s.EditDuty(ctx, DutyChange{Duty: d, Target: &model.Target{Year: 2027, Cadence: model.Quarter, Min: 2}}); err != nil {
		t.Fatal(err)
	}
	tgt, ok, _ := s.Target(ctx, id, 2027)
	if !ok || tgt.Cadence != model.Quarter || tgt.Min != 2 {
		t.Errorf("2027 target = %+v %v", tgt, ok)
	}
	tgt, ok, _ = s.Target(ctx, id, 2026)
	if !ok || tgt.Cadence != model.Month {
		t.Errorf("2026 target changed: %+v", tgt)
	}
	got, _ := s.Duty(ctx, id)
	if got.Basis != "《工作计划》第3条" {
		t.Errorf("basis = %q", got.Basis)
	}
	// Archive, then a new duty may take the title; restoring the old one is refused.
	if err := s.SetArchived(ctx, dutyNow(t, s, id), day("2026-11-01"), ""); err != nil {
		t.Fatal(err)
	}
	id2 := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 2, 2027)
	if err := s.SetArchived(ctx, dutyNow(t, s, id), 0, ""); err == nil {
		t.Error("restored an archived duty whose title is now taken")
	}
	if err := s.SetArchived(ctx, dutyNow(t, s, id2), day("2026-11-02"), ""); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(ctx, dutyNow(t, s, id), 0, ""); err != nil {
		t.Errorf("restore archived duty: %v", err)
	}
}

func TestRecordsAndStatus(t *testing.T) {
	s := openTemp(t)
	today := day("2026-06-30")
	study := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	talk := mustAddDuty(t, s, "提醒谈话", model.Talk, model.Year, 1, 2026)
	weekly := mustAddDuty(t, s, "周例会学习", model.Study, model.Week, 1, 2026)
	for m := 1; m <= 6; m++ {
		if _, err := s.AddRecord(ctx, model.Record{DutyID: study, Date: model.NewDate(2026, timeMonth(m), 5), Topic: "学习\x1b[2J条例"}, today); err != nil {
			t.Fatal(err)
		}
	}
	// A record in the last days of 2025 belongs to 2026's first ISO week.
	if _, err := s.AddRecord(ctx, model.Record{DutyID: weekly, Date: day("2025-12-30")}, today); err != nil {
		t.Errorf("record for ISO week 1 of 2026 dated 2025-12-30: %v", err)
	}
	refused := []struct {
		name string
		r    model.Record
		err  error
	}{
		{"future", model.Record{DutyID: study, Date: day("2026-07-01")}, model.ErrFutureDate},
		{"no target that year", model.Record{DutyID: study, Date: day("2025-03-01")}, model.ErrNoTarget},
		{"unknown duty", model.Record{DutyID: 999, Date: day("2026-03-01")}, model.ErrNotFound},
		{"no date", model.Record{DutyID: study}, model.ErrBadDate},
	}
	for _, tt := range refused {
		if _, err := s.AddRecord(ctx, tt.r, today); !errors.Is(err, tt.err) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.err)
		}
	}
	rs, err := s.Records(ctx, RecordFilter{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 6 {
		t.Fatalf("%d records in 2026, want 6", len(rs))
	}
	if rs[0].Date.String() != "2026-06-05" || rs[0].Topic != "学习条例" {
		t.Errorf("newest record = %s %q (escape not removed?)", rs[0].Date, rs[0].Topic)
	}
	ys, err := s.YearStatus(ctx, 2026, today)
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]model.DutyYear{}
	for _, dy := range ys.Duties {
		byTitle[dy.Duty.Title] = dy
	}
	if got := byTitle["会前学法"]; got.Done != 6 || got.Status != model.OnTrack {
		t.Errorf("会前学法 = %d done, %s", got.Done, got.Status)
	}
	if got := byTitle["提醒谈话"]; got.Done != 0 || got.Status != model.OnTrack {
		t.Errorf("提醒谈话 = %d done, %s", got.Done, got.Status)
	}
	if got := byTitle["周例会学习"]; got.Done != 1 || got.Periods[0].State != model.Met {
		t.Errorf("周例会学习 week 1 = %+v", got.Periods[0])
	}
	// Edit, delete, and undo both.
	r := rs[0]
	r.Topic = "新主题"
	old, edited, err := s.UpdateRecord(ctx, r, today)
	if err != nil || old.Topic != "学习条例" || edited.Topic != "新主题" {
		t.Fatalf("update: %v, old %q", err, old.Topic)
	}
	gone, err := s.DeleteRecord(ctx, edited)
	if err != nil || gone.Topic != "新主题" {
		t.Fatalf("delete: %v", err)
	}
	if err := s.UndoDelete(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoEdit(ctx, old, edited); err != nil {
		t.Fatal(err)
	}
	back, err := s.Record(ctx, r.ID)
	if err != nil || back.Topic != "学习条例" || !back.Created.Equal(old.Created) {
		t.Errorf("after both undos = %+v, %v", back, err)
	}
	// Archiving keeps the duty in its year, with the periods after the
	// archive date no longer required, and takes it off the years after.
	d, _ := s.Duty(ctx, study)
	if err := s.EditDuty(ctx, DutyChange{Duty: d, Target: &model.Target{Year: 2027, Cadence: model.Month, Min: 1}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArchived(ctx, dutyNow(t, s, study), today, ""); err != nil {
		t.Fatal(err)
	}
	ys, _ = s.YearStatus(ctx, 2026, today)
	var archived *model.DutyYear
	for i, dy := range ys.Duties {
		if dy.Duty.ID == study {
			archived = &ys.Duties[i]
		}
	}
	if archived == nil || archived.Required != 6 || archived.Status != model.Done || archived.Periods[6].State != model.Exempt {
		t.Errorf("the duty archived on 30 June in 2026: %+v", archived)
	}
	ys, _ = s.YearStatus(ctx, 2027, today)
	for _, dy := range ys.Duties {
		if dy.Duty.ID == study {
			t.Error("the archived duty still counts in the year after")
		}
	}
	_ = talk
}

func timeMonth(m int) time.Month { return time.Month(m) }

func TestLocalDiskIsNotANetworkShare(t *testing.T) {
	s := openTemp(t)
	if s.Network != "" {
		t.Errorf("a ledger in the temporary directory is reported on %s", s.Network)
	}
	if got := networkShare("/proc"); got != "" {
		t.Errorf("/proc reported as %s", got)
	}
}

// An undo never touches a record changed since by someone else, and a
// deleted record's id is never given to a new one.
func TestUndoIsGuarded(t *testing.T) {
	s := openTemp(t)
	today := day("2026-11-22")
	id := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	a, _ := s.AddRecord(ctx, model.Record{DutyID: id, Date: today, Topic: "甲"}, today)
	b, _ := s.AddRecord(ctx, model.Record{DutyID: id, Date: today, Topic: "乙"}, today)
	// Delete b (the highest id); a new record must not take its id.
	gone, _ := s.DeleteRecord(ctx, b)
	c, _ := s.AddRecord(ctx, model.Record{DutyID: id, Date: today, Topic: "丙"}, today)
	if c.ID == b.ID {
		t.Fatalf("a new record took the deleted record's id %d", b.ID)
	}
	if err := s.UndoDelete(ctx, gone); err != nil {
		t.Fatal(err)
	}
	// a is edited here, then again "elsewhere": the first edit's undo is refused.
	a2 := a
	a2.Topic = "甲二"
	before, after, err := s.UpdateRecord(ctx, a2, today)
	if err != nil {
		t.Fatal(err)
	}
	a3 := after
	a3.Topic = "甲三"
	if _, _, err := s.UpdateRecord(ctx, a3, today); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoEdit(ctx, before, after); !errors.Is(err, model.ErrChanged) {
		t.Errorf("undo of an edit overtaken elsewhere: %v", err)
	}
	// c is edited elsewhere: undoing its add is refused, and c stays.
	c2 := c
	c2.Topic = "丙二"
	s.UpdateRecord(ctx, c2, today)
	if err := s.UndoAdd(ctx, c); !errors.Is(err, model.ErrChanged) {
		t.Errorf("undo of an add edited elsewhere: %v", err)
	}
	rs, _ := s.Records(ctx, RecordFilter{})
	if len(rs) != 3 {
		t.Errorf("%d records, want 3", len(rs))
	}
	// Undoing a delete twice does not make two records.
	if err := s.UndoDelete(ctx, gone); !errors.Is(err, model.ErrChanged) {
		t.Errorf("second undo of the same delete: %v", err)
	}
}

// A record is accepted only where a target's periods hold its date: 30
// December 2025 is in 2026's first ISO week, so a weekly target of 2025
// cannot count it, and one of 2026 can.
func TestRecordNeedsATargetHoldingItsDate(t *testing.T) {
	s := openTemp(t)
	today := day("2026-11-22")
	id := mustAddDuty(t, s, "周例会学习", model.Study, model.Week, 1, 2025)
	if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2025-12-30")}, today); !errors.Is(err, model.ErrNoTarget) {
		t.Errorf("a 2025 weekly target took a record of 2026's first week: %v", err)
	}
	if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2025-12-28")}, today); err != nil {
		t.Errorf("a record of 2025's last week: %v", err)
	}
	d, _ := s.Duty(ctx, id)
	if err := s.EditDuty(ctx, DutyChange{Duty: d, Target: &model.Target{Year: 2026, Cadence: model.Week, Min: 1}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2025-12-30")}, today); err != nil {
		t.Errorf("a 2026 weekly target refused a record of its first week: %v", err)
	}
	if tg, ok, _ := s.TargetFor(ctx, id, day("2025-12-30")); !ok || tg.Year != 2026 {
		t.Errorf("TargetFor(2025-12-30) = %+v, %v", tg, ok)
	}
}

// dutyNow is duty id as stored now, for a change that names its version.
func dutyNow(t *testing.T, s *Store, id int64) model.Duty {
	t.Helper()
	d, err := s.Duty(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

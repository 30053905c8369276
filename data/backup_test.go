package data

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"taizhang/model"
)

func TestBackupAndRestore(t *testing.T) {
	s := openTemp(t)
	today := day("2026-11-22")
	id := mustAddDuty(t, s, "会前学法", model.Study, model.Month, 1, 2026)
	for i := 0; i < 5; i++ {
		if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-03-01").AddDays(i), Topic: "学习"}, today); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dest); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", fi, err)
	}
	if err := s.Backup(ctx, dest); err == nil {
		t.Error("backup overwrote an existing file")
	}
	// Change the ledger after the backup, then restore it.
	mustAddDuty(t, s, "提醒谈话", model.Talk, model.Year, 1, 2026)
	first, _ := s.Record(ctx, 1)
	if _, err := s.DeleteRecord(ctx, first); err != nil {
		t.Fatal(err)
	}
	restored, err := s.Restore(ctx, dest)
	if err != nil {
		t.Fatal(err)
	}
	aside := restored.Aside
	ds, _ := s.Duties(ctx)
	rs, _ := s.Records(ctx, RecordFilter{})
	if len(ds) != 1 || len(rs) != 5 {
		t.Errorf("after restore: %d duties, %d records; want 1, 5", len(ds), len(rs))
	}
	// What was replaced is kept aside and is itself a ledger.
	kept, err := Open(aside)
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	ds, _ = kept.Duties(ctx)
	if len(ds) != 2 {
		t.Errorf("kept-aside ledger has %d duties, want 2", len(ds))
	}
	// A second restore within the same second keeps its own copy aside;
	// the first copy is never replaced.
	mustAddDuty(t, s, "调研", model.Research, model.Year, 12, 2026)
	restored, err = s.Restore(ctx, dest)
	if err != nil {
		t.Fatalf("second restore: %v", err)
	}
	again := restored.Aside
	if again == aside {
		t.Fatalf("both restores kept the ledger aside as %s", aside)
	}
	for path, want := range map[string]int{aside: 2, again: 2} {
		kept, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if ds, _ := kept.Duties(ctx); len(ds) != want {
			t.Errorf("%s holds %d duties, want %d", filepath.Base(path), len(ds), want)
		}
		kept.Close()
	}
	// Restore refuses what is not a ledger, and leaves the ledger alone.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a ledger at all, but long enough to have a header of a hundred bytes ......................................"), 0o600)
	if _, err := s.Restore(ctx, junk); err == nil {
		t.Error("restored from a text file")
	} else if _, ok := model.AsInput(err); !ok {
		t.Errorf("restore from junk: %v", err)
	}
	if _, err := s.Restore(ctx, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("restored from a missing file")
	}
	rs, _ = s.Records(ctx, RecordFilter{})
	if len(rs) != 5 {
		t.Errorf("a refused restore changed the ledger: %d records", len(rs))
	}
}

// A backup taken while another connection writes is a consistent snapshot.
func TestBackupWhileWriting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "taizhang.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id := mustAddDuty(t, s, "开展调研", model.Research, model.Year, 12, 2026)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 200; i++ {
			if _, err := w.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-01-01").AddDays(i)}, day("2026-11-22")); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := 0; i < 5; i++ {
		b := filepath.Join(dir, "b"+string(rune('0'+i))+".db")
		if err := s.Backup(ctx, b); err != nil {
			t.Fatal(err)
		}
		c, err := Open(b)
		if err != nil {
			t.Fatal(err)
		}
		var check string
		c.DB().QueryRow("PRAGMA integrity_check").Scan(&check)
		if check != "ok" {
			t.Errorf("backup %d integrity: %s", i, check)
		}
		c.Close()
	}
	wg.Wait()
}

func TestTemplatesAndCarry(t *testing.T) {
	s := openTemp(t)
	tpl, _ := model.FindTemplate("leadership")
	ds, ts := tpl.Build(2026, model.Chinese)
	added, err := s.AddDuties(ctx, ds, ts)
	if err != nil {
		t.Fatal(err)
	}
	if added.Added != len(tpl.Duties) || len(added.Skipped) != 0 {
		t.Errorf("first apply: %+v", added)
	}
	again, err := s.AddDuties(ctx, ds, ts)
	if err != nil || again.Added != 0 || len(again.Skipped) != len(tpl.Duties) {
		t.Errorf("second apply: %+v %v", again, err)
	}
	// The same template for another year adds targets to the same duties.
	ds27, ts27 := tpl.Build(2027, model.Chinese)
	next, err := s.AddDuties(ctx, ds27, ts27)
	if err != nil || next.Added != len(tpl.Duties) {
		t.Errorf("apply for 2027: %+v %v", next, err)
	}
	all, _ := s.Duties(ctx)
	if len(all) != len(tpl.Duties) {
		t.Errorf("%d duties after three applies, want %d", len(all), len(tpl.Duties))
	}
	// Carry skips archived duties and ones already present.
	if err := s.SetArchived(ctx, all[0], day("2026-11-01"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`DELETE FROM targets WHERE duty_id = ? AND year = 2027`, all[1].ID); err != nil {
		t.Fatal(err)
	}
	carried, err := s.Carry(ctx, 2026, 2028)
	if err != nil || carried.Added != len(tpl.Duties)-1 {
		t.Errorf("carry to 2028: %+v %v", carried, err)
	}
	carried, err = s.Carry(ctx, 2026, 2027)
	if err != nil || carried.Added != 1 || len(carried.Skipped) != len(tpl.Duties)-2 {
		t.Errorf("carry to 2027: %+v %v", carried, err)
	}
	years, _ := s.Years(ctx)
	if len(years) != 3 || years[0] != 2028 {
		t.Errorf("years = %v", years)
	}
}

func TestDemo(t *testing.T) {
	s := openTemp(t)
	dl := model.Demo(model.DemoOptions{Years: 3, Duties: 40, Records: 2000, Today: day("2026-11-22"), Seed: 1})
	if err := s.FillDemo(ctx, dl); err != nil {
		t.Fatal(err)
	}
	rs, _ := s.Records(ctx, RecordFilter{})
	if len(rs) != 2000 {
		t.Errorf("%d records, want 2000", len(rs))
	}
	if rs[0].Date > day("2026-11-22") || rs[len(rs)-1].Date < day("2024-01-01") {
		t.Errorf("records span %s..%s", rs[len(rs)-1].Date, rs[0].Date)
	}
	years, _ := s.Years(ctx)
	if len(years) != 3 {
		t.Errorf("years = %v", years)
	}
	ys, _ := s.YearStatus(ctx, 2026, day("2026-11-22"))
	if ys.Figures.Duties != 40 || ys.Figures.Credited == 0 {
		t.Errorf("2026 figures = %+v", ys.Figures)
	}
	if err := s.FillDemo(ctx, dl); err == nil {
		t.Error("demo filled a ledger that has data")
	}
}

// A file whose directory does not exist (or is a file) is refused in one
// sentence, as bad input, before anything is written.
func TestWritingWhereThereIsNoDirectory(t *testing.T) {
	s := openTemp(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{filepath.Join(dir, "missing", "x.db"), filepath.Join(dir, "missing", "deeper", "x.db"), filepath.Join(file, "x.db")} {
		for name, write := range map[string]func() error{
			"backup":     func() error { return s.Backup(ctx, dest) },
			"write file": func() error { return WriteFile(dest, true, func(*os.File) error { return nil }) },
			"check":      func() error { return CheckDest(dest, false) },
		} {
			err := write()
			ie, ok := model.AsInput(err)
			if !ok || ie.Kind != model.KindNoDir || ie.Args[0] != dest {
				t.Errorf("%s %s: %v", name, dest, err)
			}
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries left in %s", len(entries), dir)
	}
	if err := CheckDest(file, false); !isKind(err, model.KindExists) {
		t.Errorf("an existing file: %v", err)
	}
	if err := CheckDest(file, true); err != nil {
		t.Errorf("an existing file with force: %v", err)
	}
}

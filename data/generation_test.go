package data

import (
	"errors"
	"path/filepath"
	"testing"

	"taizhang/model"
)

// A restore starts a new generation: a write expecting the old one is
// refused and changes nothing; writes after it carry the new one.
func TestGenerationChangesOnRestore(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	before := s.Generation()
	if before == "" {
		t.Fatal("no generation after a write")
	}
	r, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: model.NewDate(2026, 3, 1), Topic: "学习宪法"}, model.NewDate(2026, 11, 22))
	if err != nil {
		t.Fatal(err)
	}
	if s.Generation() != before {
		t.Fatal("a write changed the generation")
	}
	backup := filepath.Join(dir, "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	err = s.UndoAdd(Expecting(ctx, before), r)
	if ie, ok := model.AsInput(err); !ok || ie.Kind != model.KindRestoredSince || !errors.Is(err, model.ErrChanged) {
		t.Fatalf("undo across a restore: %v", err)
	}
	if rs, _ := s.Records(ctx, RecordFilter{}); len(rs) != 1 {
		t.Fatalf("%d records after the refused undo", len(rs))
	}
	r2, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: model.NewDate(2026, 4, 1), Topic: "学习民法典"}, model.NewDate(2026, 11, 22))
	if err != nil {
		t.Fatal(err)
	}
	after := s.Generation()
	if after == before || after == "" {
		t.Fatalf("generation %q after the restore, %q before", after, before)
	}
	if err := s.UndoAdd(Expecting(ctx, after), r2); err != nil {
		t.Fatalf("undo in the same generation: %v", err)
	}
}

// A profile saved from a copy read before another change, or before a
// restore, is refused and changes nothing; one read afresh is saved.
func TestProfileVersion(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SetProfile(ctx, model.Profile{Name: "王小明"}); err != nil {
		t.Fatal(err)
	}
	opened, _ := s.Profile(ctx)
	other := opened
	other.Post = "科长"
	if err := s.SetProfile(ctx, other); err != nil {
		t.Fatalf("a save from the current version: %v", err)
	}
	opened.Unit = "某市财政局"
	err = s.SetProfile(ctx, opened)
	if ie, ok := model.AsInput(err); !ok || ie.Kind != model.KindProfileChanged || !errors.Is(err, model.ErrChanged) {
		t.Fatalf("a save from a stale version: %v", err)
	}
	if p, _ := s.Profile(ctx); p.Post != "科长" || p.Unit != "" {
		t.Fatalf("after the refused save: %+v", p)
	}
}

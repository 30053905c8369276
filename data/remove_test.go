package data

import (
	"context"
	"testing"

	"taizhang/model"
)

// UndoAddDuties takes back the duties AddDuties added and the targets it
// gave duties already there, unless a record was written to them since;
// then nothing is taken back.
func TestUndoAddDuties(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir() + "/l.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	kept, err := s.AddDuty(ctx, model.Duty{Title: "会前学法", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	ds := []model.Duty{{Title: "会前学法", Category: model.Study}, {Title: "读书分享", Category: model.Study}}
	ts := []model.Target{{Year: 2027, Cadence: model.Month, Min: 1}, {Year: 2027, Cadence: model.Quarter, Min: 1}}
	added, err := s.AddDuties(ctx, ds, ts)
	if err != nil || len(added.NewIDs) != 1 || len(added.GivenTargets) != 1 || added.GivenTargets[0] != (GivenTarget{kept, 2027}) {
		t.Fatalf("added %+v, %v", added, err)
	}
	// A record in 2027 on the kept duty: nothing is taken back.
	if _, err := s.AddRecord(ctx, model.Record{DutyID: kept, Date: model.NewDate(2027, 1, 5), Topic: "学法"}, model.NewDate(2027, 1, 6)); err != nil {
		t.Fatal(err)
	}
	err = s.UndoAddDuties(ctx, added)
	if ie, ok := model.AsInput(err); !ok || ie.Kind != model.KindDutyHasRecords {
		t.Fatalf("undo with a record since: %v", err)
	}
	if all, _ := s.Duties(ctx); len(all) != 2 {
		t.Fatalf("a refused undo removed duties: %d left", len(all))
	}
	recs, _ := s.Records(ctx, RecordFilter{})
	if _, err := s.DeleteRecord(ctx, recs[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.UndoAddDuties(ctx, added); err != nil {
		t.Fatal(err)
	}
	all, _ := s.Duties(ctx)
	if len(all) != 1 || all[0].ID != kept {
		t.Fatalf("after the undo: %+v", all)
	}
	if _, has, _ := s.TargetFor(ctx, kept, model.NewDate(2027, 3, 1)); has {
		t.Error("the target given for 2027 is still there")
	}
	if _, has, _ := s.TargetFor(ctx, kept, model.NewDate(2026, 3, 1)); !has {
		t.Error("the 2026 target went too")
	}
}

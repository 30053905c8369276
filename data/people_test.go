package data

import (
	"errors"
	"reflect"
	"testing"

	"taizhang/model"
)

func TestPerPersonDutyThroughTheStore(t *testing.T) {
	s := openTemp(t)
	today := day("2026-11-20")
	// A per-person duty on a group that does not exist is refused.
	if _, err := s.AddDuty(ctx, model.Duty{Title: "谈心谈话", Category: model.Talk},
		model.Target{Year: 2026, Cadence: model.Year, Min: 1, Each: "科室干部"}); !errors.Is(err, model.ErrNoGroup) {
		t.Fatalf("unknown group = %v", err)
	}
	g := []Joining{{Group: "科室干部"}}
	zs, err := s.AddPerson(ctx, model.Person{Name: "张三"}, g)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPerson(ctx, model.Person{Name: "李四"}, []Joining{{Group: "科室干部", From: day("2026-10-01")}}); err != nil {
		t.Fatal(err)
	}
	zw, err := s.AddPerson(ctx, model.Person{Name: "张伟", Note: "财务科"}, g)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddPerson(ctx, model.Person{Name: "张三"}, g); !errors.Is(err, model.ErrNameTaken) {
		t.Fatalf("taken name = %v", err)
	}
	id, err := s.AddDuty(ctx, model.Duty{Title: "谈心谈话", Category: model.Talk}, model.Target{Year: 2026, Cadence: model.Year, Min: 1, Each: "科室干部"})
	if err != nil {
		t.Fatal(err)
	}
	// A weekly per-person duty is refused.
	if _, err := s.AddDuty(ctx, model.Duty{Title: "每周谈话", Category: model.Talk}, model.Target{Year: 2026, Cadence: model.Week, Min: 1, Each: "科室干部"}); !errors.Is(err, model.ErrEachCadence) {
		t.Fatalf("weekly per person = %v", err)
	}
	for _, w := range []string{"张三", "张三", "张伟、外单位老刘"} {
		if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-03-01"), With: w}, today); err != nil {
			t.Fatal(err)
		}
	}
	cov := func() *model.Coverage {
		t.Helper()
		ys, err := s.YearStatus(ctx, 2026, today)
		if err != nil {
			t.Fatal(err)
		}
		return ys.Duties[0].Coverage
	}
	// 李四 joined in October: not required. 张伟 (the only one) is matched.
	if c := cov(); c.Ratio(model.Chinese) != "2/2人" || c.Times != 4 || !reflect.DeepEqual(c.Outside, []string{"外单位老刘"}) {
		t.Fatalf("coverage = %s times %d outside %v", c.Ratio(model.Chinese), c.Times, c.Outside)
	}
	// A second 张伟 joins: the record naming 张伟 keeps pointing at the first.
	if _, err := s.AddPerson(ctx, model.Person{Name: "张伟", Note: "办公室"}, g); err != nil {
		t.Fatal(err)
	}
	if c := cov(); c.Ratio(model.Chinese) != "2/3人" || !reflect.DeepEqual(c.Missing, []string{"张伟（办公室）"}) {
		t.Fatalf("after a second 张伟: %s missing %v", c.Ratio(model.Chinese), c.Missing)
	}
	// Leaving before joining is refused; leaving in March makes 张三 not required.
	r, _ := s.Roster(ctx)
	li, _ := r.Find("李四")
	if _, err := s.Leave(ctx, li, "科室干部", day("2026-09-01")); !errors.Is(err, model.ErrLeaveEarly) {
		t.Fatalf("leave before join = %v", err)
	}
	m, err := s.Leave(ctx, zs, "科室干部", day("2026-03-31"))
	if err != nil {
		t.Fatal(err)
	}
	if c := cov(); c.Ratio(model.Chinese) != "1/2人" {
		t.Fatalf("after 张三 left: %s", c.Ratio(model.Chinese))
	}
	if err := s.UndoLeave(ctx, m, day("2026-03-31")); err != nil {
		t.Fatal(err)
	}
	// Removing a person and undoing it brings back their memberships and links.
	r, _ = s.Roster(ctx)
	zw, _ = r.Person(zw.ID)
	removed, err := s.RemovePerson(ctx, zw)
	if err != nil {
		t.Fatal(err)
	}
	// The record's 张伟 now stands for the only 张伟 left.
	if c := cov(); c.Ratio(model.Chinese) != "2/2人" {
		t.Fatalf("after removing 张伟（财务科）: %s", c.Ratio(model.Chinese))
	}
	if err := s.UndoRemovePerson(ctx, removed); err != nil {
		t.Fatal(err)
	}
	if c := cov(); c.Ratio(model.Chinese) != "2/3人" {
		t.Fatalf("after undoing the removal: %s", c.Ratio(model.Chinese))
	}
	// Carry copies the per-person target with its group.
	if _, err := s.Carry(ctx, 2026, 2027); err != nil {
		t.Fatal(err)
	}
	if tg, _, _ := s.Target(ctx, id, 2027); tg.Each != "科室干部" {
		t.Fatalf("carried target = %+v", tg)
	}
	// The dump carries the roster; loading it into an empty ledger gives the same coverage.
	dump, err := s.Dump(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	s2 := openTemp(t)
	loaded, err := s2.Load(ctx, dump, today)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.PeopleAdded != 4 {
		t.Errorf("loaded %d people, want 4", loaded.PeopleAdded)
	}
	ys, err := s2.YearStatus(ctx, 2026, today)
	if err != nil {
		t.Fatal(err)
	}
	if c := ys.Duties[0].Coverage; c == nil || len(c.Required) != 3 {
		t.Fatalf("loaded coverage = %+v", c)
	}
}

// A talk that named 张伟 before anyone of that name was on the roster is
// not taken for the first 张伟 added once a second one comes: it meant no
// one on the roster, and with two of that name it counts for neither.
func TestNameNotPinnedToSomeoneAddedLater(t *testing.T) {
	s := openTemp(t)
	today := day("2026-11-20")
	g := []Joining{{Group: "科室干部"}}
	if _, err := s.AddPerson(ctx, model.Person{Name: "张三"}, g); err != nil {
		t.Fatal(err)
	}
	id, err := s.AddDuty(ctx, model.Duty{Title: "谈心谈话", Category: model.Talk}, model.Target{Year: 2026, Cadence: model.Year, Min: 1, Each: "科室干部"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(ctx, model.Record{DutyID: id, Date: day("2026-03-01"), With: "张伟"}, today); err != nil {
		t.Fatal(err)
	}
	for _, note := range []string{"财务科", "办公室"} {
		if _, err := s.AddPerson(ctx, model.Person{Name: "张伟", Note: note}, g); err != nil {
			t.Fatal(err)
		}
	}
	ys, err := s.YearStatus(ctx, 2026, today)
	if err != nil {
		t.Fatal(err)
	}
	c := ys.Duties[0].Coverage
	if c == nil {
		t.Fatal("no coverage")
	}
	if c.Ratio(model.Chinese) != "0/3人" || !reflect.DeepEqual(c.Outside, []string{"张伟"}) {
		t.Fatalf("coverage %s, outside %v: the early 张伟 was taken for one of the two", c.Ratio(model.Chinese), c.Outside)
	}
}

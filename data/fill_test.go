package data

import (
	"errors"
	"strings"
	"testing"

	"taizhang/model"
)

// FillGroups adds the people a duty set's groups are given in one write,
// joins people already on the roster, refuses bad names writing nothing,
// and is taken back whole.
func TestFillGroups(t *testing.T) {
	s := openTemp(t)
	start := day("2026-09-01")
	ps, _ := model.ParseNames("张三\n李四、")
	got, err := s.FillGroups(ctx, []GroupFill{{Group: "科室干部", From: start, People: ps}})
	if err != nil || len(got.Added) != 2 || len(got.Joined) != 0 {
		t.Fatalf("fill = %+v, %v", got, err)
	}
	r, _ := s.Roster(ctx)
	if ms := r.MembersOf("科室干部"); len(ms) != 2 || ms[0].From != start || ms[1].From != start {
		t.Fatalf("members = %+v", ms)
	}
	// 张三 is on the roster already: he joins the second group; 王五 is new.
	ps, _ = model.ParseNames("张三、王五")
	got, err = s.FillGroups(ctx, []GroupFill{{Group: "分管科室负责人", People: ps}, {Group: "科室干部", From: start, People: ps[:1]}})
	if err != nil || len(got.Added) != 1 || len(got.Joined) != 1 || got.Added[0].Name != "王五" {
		t.Fatalf("second fill = %+v, %v", got, err)
	}
	r, _ = s.Roster(ctx)
	if len(r.People) != 3 || len(r.MembersOf("分管科室负责人")) != 2 || len(r.MembersOf("科室干部")) != 2 {
		t.Fatalf("roster after the second fill: %+v", r)
	}
	// A bad name refuses the whole fill, and the check says so first.
	bad := []model.Person{{Name: "赵六"}, {Name: strings.Repeat("长", model.MaxName+1)}}
	if err := s.CheckFill(ctx, []GroupFill{{Group: "科室干部", People: bad}}); err == nil {
		t.Fatal("the check took a name too long")
	}
	if err := s.CheckFill(ctx, []GroupFill{{Group: "科室干部", People: bad[:1]}}); err != nil {
		t.Fatalf("the check refused 赵六: %v", err)
	}
	if r2, _ := s.Roster(ctx); len(r2.People) != 3 {
		t.Fatalf("the check wrote: %+v", r2.People)
	}
	if _, err := s.FillGroups(ctx, []GroupFill{{Group: "科室干部", People: bad}}); err == nil {
		t.Fatal("a name too long was taken")
	}
	if _, err := s.FillGroups(ctx, []GroupFill{{Group: " ", People: bad[:1]}}); err == nil {
		t.Fatal("an empty group was taken")
	}
	// Another 张三 without a note is a second person of that name: refused.
	if _, err := s.FillGroups(ctx, []GroupFill{{Group: "科室干部", People: []model.Person{{Name: "张三", Note: "办公室"}}}}); !errors.Is(err, model.ErrNameTaken) {
		t.Fatalf("a second 张三 = %v", err)
	}
	if r2, _ := s.Roster(ctx); len(r2.People) != 3 {
		t.Fatalf("a refused fill wrote: %+v", r2.People)
	}
	// Undo takes back the second fill whole.
	if err := s.UndoFill(ctx, got); err != nil {
		t.Fatal(err)
	}
	r, _ = s.Roster(ctx)
	if len(r.People) != 2 || len(r.MembersOf("分管科室负责人")) != 0 || len(r.MembersOf("科室干部")) != 2 {
		t.Fatalf("after undo: %+v", r)
	}
}

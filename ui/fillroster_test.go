package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
)

func newLedgerFile(t *testing.T) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func members(t *testing.T, s *data.Store, g string) []string {
	t.Helper()
	r, err := s.Roster(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range r.MembersOf(g) {
		p, _ := r.Person(m.PersonID)
		out = append(out, r.Label(p)+"@"+m.From.String())
	}
	return out
}

// On the first run, once the section chief's set is chosen and the post
// start date given, the app asks for the people of 科室干部: typed with
// enter between names and pasted one a line, they join the group from the
// start date, the dashboard counts them, and u takes them back.
func TestFirstRunFillsTheGroup(t *testing.T) {
	s := newLedgerFile(t)
	a := newTestApp(t, s, model.Chinese, 80, 24)
	press(t, a, "1", "2026-09-01", "ctrl+s")
	mustContain(t, a, "人员名单（esc 跳过）", "科室干部", "enter 下一个姓名", "esc 跳过")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
	// A name twice is refused under the field, and nothing is written.
	press(t, a, "张三", "enter", "张三", "ctrl+s")
	mustContain(t, a, "“张三”写了两次")
	if m := members(t, s, "科室干部"); len(m) != 0 {
		t.Fatalf("a refused list wrote %v", m)
	}
	press(t, a, "backspace", "backspace")
	press(t, a, "李四", "enter")
	send(t, a, tea.PasteMsg{Content: "王五\r\n赵六\n张伟(财务科)\n"})
	if v := a.top().c.(*rosterFill).f.fields[0].in.Value(); v != "张三、李四、王五、赵六、张伟(财务科)、" {
		t.Errorf("the field holds %q", v)
	}
	press(t, a, "ctrl+s")
	want := []string{"张三@2026-09-01", "李四@2026-09-01", "王五@2026-09-01", "赵六@2026-09-01", "张伟@2026-09-01"}
	if m := members(t, s, "科室干部"); strings.Join(m, " ") != strings.Join(want, " ") {
		t.Fatalf("科室干部 = %v, want %v", m, want)
	}
	if a.top() != nil {
		t.Fatal("the step is still open after saving")
	}
	mustContain(t, a, "已把5人加入“科室干部”", "0/5人")
	mustNotContain(t, a, "名单未填")
	press(t, a, "u")
	if m := members(t, s, "科室干部"); len(m) != 0 {
		t.Fatalf("after undo 科室干部 = %v", m)
	}
	mustContain(t, a, "名单未填")
}

// esc skips the step, and the duties say their group is still to fill.
func TestFirstRunSkipsTheGroup(t *testing.T) {
	for _, c := range []struct {
		lang        model.Lang
		title, left string
	}{{model.Chinese, "人员名单", "名单未填"}, {model.English, "The roster", "no people"}} {
		s := newLedgerFile(t)
		a := newTestApp(t, s, c.lang, 80, 24)
		press(t, a, "2", "esc")
		mustContain(t, a, c.title, model.In(model.SectionChiefs, c.lang))
		press(t, a, "esc")
		if a.top() != nil {
			t.Fatalf("%s: esc left the step open", c.lang)
		}
		mustContain(t, a, c.left)
		if m := members(t, s, model.In(model.SectionChiefs, c.lang)); len(m) != 0 {
			t.Errorf("%s: skipping wrote %v", c.lang, m)
		}
		// Saving with nothing typed is a skip too.
		s2 := newLedgerFile(t)
		a2 := newTestApp(t, s2, c.lang, 80, 24)
		press(t, a2, "2", "esc", "ctrl+s")
		if a2.top() != nil {
			t.Errorf("%s: saving an empty list left the step open", c.lang)
		}
	}
}

// In English: the names pasted join "Section staff"; a name too long is
// refused in English.
func TestFirstRunFillsTheGroupInEnglish(t *testing.T) {
	s := newLedgerFile(t)
	a := newTestApp(t, s, model.English, 80, 24)
	press(t, a, "1", "esc")
	mustContain(t, a, "The roster (esc skips)", "Section staff", "enter next name", "esc skip")
	send(t, a, tea.PasteMsg{Content: "Zhang\n" + strings.Repeat("x", 60)})
	press(t, a, "ctrl+s")
	mustContain(t, a, "longer than")
	if m := members(t, s, "Section staff"); len(m) != 0 {
		t.Fatalf("a refused list wrote %v", m)
	}
	for range 60 {
		press(t, a, "backspace")
	}
	press(t, a, "Li", "ctrl+s")
	// No post start date: in the group since before the year.
	if m := members(t, s, "Section staff"); strings.Join(m, " ") != "Zhang@ Li@" {
		t.Fatalf("Section staff = %v", m)
	}
	mustContain(t, a, `Put 2 people in "Section staff"`, "0/2 people")
}

package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"taizhang/model"
)

// An officer adds a section chief in the people view, logs a talk naming
// them (completed from the roster), sees the coverage change on the
// dashboard and in the duty's detail, records that someone left, and
// takes each step back with u.
func TestPeopleViewAddTalkAndCoverage(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	mustContain(t, a, "1/2人")
	press(t, a, "tab", "tab", "tab", "tab")
	mustContain(t, a, "[人员]", "赵科长", "钱科长", "0 未谈")
	// a adds a person to the group under the cursor.
	press(t, a, "a", "李科长", "ctrl+s")
	mustContain(t, a, "已添加人员：李科长", "李科长")
	press(t, a, "tab")
	mustContain(t, a, "1/3人")
	// The talk names him from the roster: 李 completes to 李科长, and the
	// separator typed after it is not stored.
	selectDuty(t, a, "提醒谈话")
	press(t, a, "a", "廉政提醒", "tab", "李")
	mustContain(t, a, "李科长")
	press(t, a, "tab", "、", "ctrl+s")
	mustContain(t, a, "已登记", "2/3人")
	recs := recordsOf(t, s, "提醒谈话")
	if got := recs[0].With; got != "李科长" {
		t.Errorf("participants stored as %q, want 李科长", got)
	}
	press(t, a, "enter")
	mustContain(t, a, "覆盖：2/3人", "已谈话：赵科长、李科长", "尚未谈话：钱科长")
	// 钱科长 left in March: no longer required; everyone is covered.
	press(t, a, "esc", "tab", "tab", "tab", "tab", "g", "j")
	mustContain(t, a, ">                 钱科长")
	press(t, a, "l", "ctrl+u", "2026-03-31", "ctrl+s")
	mustContain(t, a, "已登记：钱科长离开“分管科室负责人”", "至2026-03-31")
	press(t, a, "tab")
	mustContain(t, a, "2/2人", "已完成")
	// Undo: 钱科长 is back in the group, then the talk goes, then 李科长.
	press(t, a, "u")
	mustContain(t, a, "2/3人")
	press(t, a, "u", "u")
	mustContain(t, a, "1/2人")
	mustContain(t, a, "已撤销添加人员李科长")
	if r, _ := s.Roster(bg); len(r.People) != 3 {
		t.Errorf("after undoing, the roster has %d people", len(r.People))
	}
}

// Bad roster input is refused in the form with one sentence and nothing
// is written: an empty or taken name, a leaving day before the join day.
func TestPeopleFormRefusals(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	press(t, a, "tab", "tab", "tab", "tab", "a", "ctrl+s")
	mustContain(t, a, "姓名不能为空")
	press(t, a, "赵科长", "ctrl+s")
	mustContain(t, a, "名单上已有“赵科长”")
	press(t, a, "esc", "G")
	mustContain(t, a, "> ", "孙科长")
	press(t, a, "l", "ctrl+u", "2026-09-30", "ctrl+s")
	mustContain(t, a, "早于孙科长加入")
	r, _ := s.Roster(bg)
	if len(r.People) != 3 || !r.MembersOf("分管科室负责人")[2].To.IsZero() {
		t.Errorf("the roster changed: %+v", r)
	}
	en := newTestApp(t, s, model.English, 100, 30)
	press(t, en, "tab", "tab", "tab", "tab", "a", "ctrl+s")
	if !strings.Contains(screen(en), "The name is empty") {
		t.Errorf("English refusal:\n%s", screen(en))
	}
}

// A ledger begun from the command line has an empty group: in the People
// view A adds several people at once, pasted one a line as from a Word
// notice, from a join day; the dashboard counts them, and u takes the
// whole list back. Names that are refused, or none, write nothing.
func TestPeopleViewAddSeveral(t *testing.T) {
	for _, lang := range []model.Lang{model.Chinese, model.English} {
		s := unfilledLedger(t)
		a := newTestApp(t, s, lang, 80, 24)
		press(t, a, "tab", "tab", "tab", "tab", "A")
		title, why := "添加多人到“科室干部”", "可直接粘贴名单"
		if lang == model.English {
			title, why = `Add several to "科室干部"`, "paste a list as it is"
		}
		mustContain(t, a, title, why)
		checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
		press(t, a, "ctrl+s")
		if rs, _ := s.Roster(bg); len(rs.People) != 0 {
			t.Fatalf("%s: saved with no names: %+v", lang, rs.People)
		}
		send(t, a, tea.PasteMsg{Content: "王五\n赵六\r\n张伟(财务科)\n"})
		press(t, a, "tab", "2026-03-01", "ctrl+s")
		r, _ := s.Roster(bg)
		if len(r.People) != 3 || len(r.MembersOf("科室干部")) != 3 || r.MembersOf("科室干部")[0].From.String() != "2026-03-01" {
			t.Fatalf("%s: roster %+v %+v", lang, r.People, r.MembersOf("科室干部"))
		}
		press(t, a, "tab")
		mustContain(t, a, "0/3")
		press(t, a, "u")
		if r, _ := s.Roster(bg); len(r.People) != 0 {
			t.Errorf("%s: undo left %+v", lang, r.People)
		}
	}
}

// d in the People view asks before removing a person, naming them and
// what removal means for coverage; n keeps them, y removes them, u puts
// them back.
func TestPeopleViewRemoveAsksFirst(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	press(t, a, "tab", "tab", "tab", "tab")
	mustContain(t, a, "> 分管科室负责人  赵科长")
	press(t, a, "d")
	mustContain(t, a, "从名单删除赵科长？已登记的谈话仍在，但不再计入覆盖。")
	press(t, a, "n")
	if r, _ := s.Roster(bg); len(r.People) != 3 {
		t.Fatalf("n removed someone: %+v", r.People)
	}
	press(t, a, "d", "y")
	mustContain(t, a, "已从名单删除：赵科长")
	if r, _ := s.Roster(bg); len(r.People) != 2 {
		t.Fatalf("y did not remove: %+v", r.People)
	}
	press(t, a, "u")
	if r, _ := s.Roster(bg); len(r.People) != 3 {
		t.Errorf("undo did not bring him back: %+v", r.People)
	}
}

// A talk naming someone not in the per-person duty's group is saved as
// written, and the message says they count for nobody, as the command
// line notes it.
func TestTalkNamingSomeoneOutsideTheGroup(t *testing.T) {
	s, _ := testLedger(t)
	for _, c := range []struct {
		lang model.Lang
		want string
	}{{model.Chinese, "注意：路人乙 不在“分管科室负责人”分组中，不计入谈话覆盖。"}, {model.English, `Note: 路人乙 not in the group "分管科室负责人"`}} {
		a := newTestApp(t, s, c.lang, 200, 30)
		selectDuty(t, a, "提醒谈话")
		press(t, a, "a", "廉政提醒", "tab", "钱科长、路人乙", "ctrl+s")
		mustContain(t, a, c.want)
	}
}

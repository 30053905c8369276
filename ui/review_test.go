package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"taizhang/data/export"
	"taizhang/model"
)

// Exported with the dialog's as-of left at today, the documents judge the
// year as the dashboard does: a period ending today is still open, not
// missed. Another day is judged at its close.
func TestExportAsOfTodayKeepsTodaysPeriodOpen(t *testing.T) {
	s, _ := testLedger(t)
	var got []export.Options
	o := Options{Ledger: s, Lang: model.Chinese, Now: func() time.Time { return testNow }, NoTimers: true, Dir: t.TempDir(),
		Export: func(ctx context.Context, eo export.Options) (string, []export.Warning, error) {
			got = append(got, eo)
			return eo.Path, nil, nil
		}}
	a := New(o)
	send(t, a, tea.WindowSizeMsg{Width: 80, Height: 24})
	run(t, a, a.Init())
	today := model.DateOf(testNow)
	press(t, a, "x", "ctrl+s")
	press(t, a, "esc", "x", "tab", "tab", "tab", "ctrl+u", "2026-06-30", "ctrl+s")
	if len(got) != 2 {
		t.Fatalf("%d exports, want 2", len(got))
	}
	if m := model.ReportMoment(got[0].Year, got[0].AsOf, got[0].Today); m != model.Now(today) {
		t.Fatalf("as of today: the export is judged at %v, want the moment now %v", m, model.Now(today))
	}
	mid, _ := model.ParseDate("2026-06-30")
	if m := model.ReportMoment(got[1].Year, got[1].AsOf, got[1].Today); m != model.CloseOf(mid) {
		t.Fatalf("as of 06-30: judged at %v, want its close", m)
	}
}

// The this-period view counts a per-person duty in what it needs of
// everyone in the group, as the dashboard does (1/2), not one talk
// against one person's minimum.
func TestThisPeriodCountsAPerPersonDutyByPeople(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	mustContain(t, a, "1/2人")
	press(t, a, "tab")
	mustContain(t, a, "[本期]")
	for _, l := range strings.Split(screen(a), "\n") {
		if strings.Contains(l, "提醒谈话") {
			if !strings.Contains(l, "1/2") || !strings.Contains(l, "还差1人") {
				t.Fatalf("the this-period row: %q, want 1/2 and 还差1人", l)
			}
			return
		}
	}
	t.Fatalf("no row for 提醒谈话:\n%s", screen(a))
}

// space on a duty owed to each person of a group opens the full form, so
// the talk names whom it was with and counts toward coverage; other
// duties keep the one-line prompt.
func TestTickOnAPerPersonDutyAsksWhom(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "提醒谈话")
	press(t, a, "space")
	mustContain(t, a, "新增履职记录：与分管科室负责人提醒谈话", "参加人员")
	press(t, a, "tab", "钱", "tab", "ctrl+s")
	mustContain(t, a, "2/2人")
	selectDuty(t, a, "会前学法")
	press(t, a, "space")
	mustContain(t, a, "登记 会前学法")
}

// The export dialog says how its date is judged: today as things stand,
// another day at its close, as export --as-of judges it.
func TestExportDialogSaysHowTheDateIsJudged(t *testing.T) {
	s, _ := testLedger(t)
	a := newTestApp(t, s, model.Chinese, 100, 30)
	press(t, a, "x", "tab", "tab", "tab")
	mustContain(t, a, "今天：按此刻的进度统计，今天截止的期间仍算进行中")
	press(t, a, "ctrl+u", "2026-06-30")
	mustContain(t, a, "按该日日终统计（与 export --as-of 相同）")
	mustNotContain(t, a, "今天截止的期间仍算进行中")
}

package ui

import (
	"context"
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

package ui

import (
	"strings"
	"testing"

	"taizhang/model"
)

// A year-end report given in January for the year before is in that
// year's record log, where it counts, and in the log of the year it is
// dated in; both name the period it counts for.
func TestRecordLogHoldsALateRecordInTheYearItCountsFor(t *testing.T) {
	s, _ := testLedger(t)
	id, err := s.AddDuty(bg, model.Duty{Title: "向党组报告履职情况", Category: model.Report}, model.Target{Year: 2025, Cadence: model.Half, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := model.ParsePeriodRef("2025-H2")
	if _, err := s.AddRecord(bg, model.Record{DutyID: id, Date: model.NewDate(2026, 1, 10), Topic: "2025年终报告", For: h2}, model.DateOf(testNow)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lang  model.Lang
		wants []string
	}{
		{model.Chinese, []string{"2026-01-10", "〔计入2025年下半年〕2025年终报告"}},
		{model.English, []string{"2026-01-10", "[Counts for 2025 H2] 2025年终报告"}},
	} {
		a := newTestApp(t, s, c.lang, 120, 30)
		toRecordLog(t, a)
		mustContain(t, a, c.wants...) // 2026: dated in it
		press(t, a, "[")
		toRecordLog(t, a)
		mustContain(t, a, c.wants...) // 2025: counts in it
		mustNotContain(t, a, "本年度还没有记录", "No records this year")
	}
}

// toRecordLog moves to the record log with tab.
func toRecordLog(t *testing.T, a *App) {
	t.Helper()
	for range 8 {
		if a.view == logView {
			return
		}
		press(t, a, "tab")
	}
	s := screen(a)
	t.Fatalf("no record log after tab:\n%s", strings.TrimSpace(s))
}

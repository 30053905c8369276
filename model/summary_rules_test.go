package model

import (
	"strings"
	"testing"
	"time"
)

// The year-end summary under rules version 2: a record given in January
// for last year's 下半年 is listed and counted in last year, saying so; an
// excused month and an archived duty are explained under 说明事项; the
// table shows credited/required and the verdict beside a due-soon status.
func TestSummaryYearEndReportInJanuary(t *testing.T) {
	report := Duty{ID: 1, Title: "向党组报告党风廉政建设工作", Category: Report}
	law := Duty{ID: 2, Title: "会前学法", Category: Study}
	risk := Duty{ID: 3, Title: "廉政风险点排查", Category: Other, Archived: NewDate(2026, 11, 30)}
	h2 := PeriodRef{Year: 2026, Cadence: Half, Index: 1}
	aug := PeriodRef{Year: 2026, Cadence: Month, Index: 7}
	recs := []Record{
		{ID: 1, DutyID: 1, Date: NewDate(2026, 7, 8), Topic: "年中报告", For: PeriodRef{Year: 2026, Cadence: Half, Index: 0}},
		{ID: 2, DutyID: 1, Date: NewDate(2027, 1, 10), Topic: "年终报告", For: h2},
	}
	tracked := []Tracked{
		{Duty: report, Target: Target{Year: 2026, Cadence: Half, Min: 1}, Dates: []Date{recs[0].Date},
			Credits: []Credit{{recs[0].Date, recs[0].For}, {recs[1].Date, h2}}},
		{Duty: law, Target: Target{Year: 2026, Cadence: Month, Min: 1}, Excuses: []Excuse{{DutyID: 2, Period: aug, Reason: "病休"}}},
		{Duty: risk, Target: risk.TargetIn(Target{Year: 2026, Cadence: Year, Min: 1})},
	}
	for m := 1; m <= 12; m++ {
		if m != 8 {
			d := NewDate(2026, time.Month(m), 5)
			tracked[1].Dates = append(tracked[1].Dates, d)
			recs = append(recs, Record{ID: int64(10 + m), DutyID: 2, Date: d, Topic: "学法"})
		}
	}
	ys := EvaluateYear(2026, ReportMoment(2026, 0, NewDate(2027, 2, 1)), tracked)
	s := BuildSummary(ys, recs, Profile{Name: "张三"}, Chinese)
	byTitle := map[string]SummaryDuty{}
	for _, d := range s.Duties {
		byTitle[d.Duty.Title] = d
	}
	rep := byTitle[report.Title]
	if rep.Status != Done || len(rep.Items) != 2 || rep.Items[1] != "2027年1月10日，计入2026年下半年，年终报告（报告对象：＿＿＿）。" &&
		!strings.HasPrefix(rep.Items[1], "2027年1月10日，计入2026年下半年，年终报告") {
		t.Errorf("report: %s %q", rep.Status, rep.Items)
	}
	if len(s.Missed) != 0 {
		t.Errorf("missed: %+v", s.Missed)
	}
	if got := byTitle[law.Title].Row[4]; got != "11/11" {
		t.Errorf("law progress %q", got)
	}
	if got := byTitle[risk.Title]; got.Status != Archived || !strings.Contains(got.Paragraph, "已于11月30日归档") || strings.Contains(got.Paragraph, "符合") {
		t.Errorf("archived duty: %s %q", got.Status, got.Paragraph)
	}
	notes := strings.Join(s.Notes, "\n")
	for _, want := range []string{"会前学法：8月经说明免于要求，原因：病休", "廉政风险点排查已于11月30日归档"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %q", notes, want)
		}
	}
	var counts []string
	for _, row := range s.Ledger() {
		if row.Duty == report.Title {
			counts = append(counts, row.Date.String()+" "+row.Counts)
		}
	}
	if strings.Join(counts, ";") != "2026-07-08 2026年上半年;2027-01-10 2026年下半年" {
		t.Errorf("ledger counts %q", counts)
	}
	en := BuildSummary(ys, recs, Profile{}, English)
	if !strings.Contains(strings.Join(en.Notes, " "), "Aug was excused (病休)") {
		t.Errorf("English notes %q", en.Notes)
	}
	// In 2027 the January report counts nowhere: it is left out of the
	// year it is dated in.
	ys27 := EvaluateYear(2027, Now(NewDate(2027, 2, 1)), []Tracked{{Duty: report, Target: Target{Year: 2027, Cadence: Half, Min: 1},
		Dates: []Date{recs[1].Date}, Credits: []Credit{{recs[1].Date, h2}}}})
	s27 := BuildSummary(ys27, recs, Profile{}, Chinese)
	if d := s27.Duties[0]; len(d.Records) != 0 || len(d.Items) != 0 || d.Done != 0 {
		t.Errorf("2027: records %d items %q done %d", len(d.Records), d.Items, d.Done)
	}
}

// The mid-year report at the close of 30 June judges the first half: a
// half-year report not given is missed, not still open.
func TestMidYearSummaryJudgesTheFirstHalf(t *testing.T) {
	report := Duty{ID: 1, Title: "向党组报告党风廉政建设工作", Category: Report}
	tr := []Tracked{{Duty: report, Target: Target{Year: 2025, Cadence: Half, Min: 1}}}
	s := BuildSummary(EvaluateYear(2025, ReportMoment(2025, NewDate(2025, 6, 30), NewDate(2025, 7, 2)), tr), nil, Profile{}, Chinese)
	if len(s.Missed) != 1 || !strings.Contains(s.Missed[0].Text, "上半年未开展") {
		t.Errorf("mid-year missed %+v", s.Missed)
	}
	// Now, during 30 June, it is still due.
	s = BuildSummary(EvaluateYear(2025, Now(NewDate(2025, 6, 30)), tr), nil, Profile{}, Chinese)
	if len(s.Missed) != 0 || s.Duties[0].Status != DueSoon {
		t.Errorf("during 30 June: %+v %s", s.Missed, s.Duties[0].Status)
	}
}

// The overview says which group the duties behind pace are in: beside the
// duties in progress, not after the list, where it reads as if the last
// group (archived) were behind.
func TestOverviewPlacesBehind(t *testing.T) {
	ys := YearStatus{Year: 2026, AsOf: NewDate(2026, 6, 30), Figures: Figures{Duties: 3, Required: 4, Credited: 1},
		Duties: []DutyYear{{Verdict: VerdictInProgress, Now: NowBehind}, {Verdict: VerdictInProgress, Now: NowOnTrack}, {Verdict: VerdictArchived}}}
	for _, tc := range []struct {
		lang Lang
		want string
	}{
		{Chinese, "其中进行中2项（其中进度滞后1项）、已归档1项；"},
		{English, "2 in progress (1 of them behind pace) and 1 archived."},
	} {
		if got := overview(ys, true, tc.lang); !strings.Contains(got, tc.want) {
			t.Errorf("overview = %q, want %q", got, tc.want)
		}
	}
}

// A mid-year summary lists, of the records dated after its day, only those
// given for a period over by then (the half-year report of 7月8日 for
// 上半年), which its figures count; not a make-up given in October for
// September, which had not begun on 30 June.
func TestMidYearSummaryLeavesOutLaterPeriods(t *testing.T) {
	law := Duty{ID: 1, Title: "会前学法", Category: Study}
	report := Duty{ID: 2, Title: "向分管领导报告", Category: Report}
	h1 := PeriodRef{Year: 2026, Cadence: Half, Index: 0}
	sep := PeriodRef{Year: 2026, Cadence: Month, Index: 8}
	recs := []Record{
		{ID: 1, DutyID: 2, Date: NewDate(2026, 7, 8), Topic: "上半年报告", For: h1},
		{ID: 2, DutyID: 1, Date: NewDate(2026, 10, 9), Topic: "补学", For: sep},
		{ID: 3, DutyID: 1, Date: NewDate(2026, 3, 5), Topic: "三月学法"},
	}
	tracked := []Tracked{
		{Duty: law, Target: Target{Year: 2026, Cadence: Month, Min: 1}, Dates: []Date{recs[2].Date}, Credits: []Credit{{recs[1].Date, sep}}},
		{Duty: report, Target: Target{Year: 2026, Cadence: Half, Min: 1}, Credits: []Credit{{recs[0].Date, h1}}},
	}
	ys := EvaluateYear(2026, ReportMoment(2026, NewDate(2026, 6, 30), NewDate(2026, 11, 30)), tracked)
	s := BuildSummary(ys, recs, Profile{}, Chinese)
	var listed []string
	for _, d := range s.Duties {
		for _, r := range d.Records {
			listed = append(listed, r.Topic)
		}
	}
	if strings.Join(listed, ",") != "三月学法,上半年报告" && strings.Join(listed, ",") != "上半年报告,三月学法" {
		t.Errorf("listed %q, want the March record and the H1 report only", listed)
	}
}

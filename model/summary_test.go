package model

import (
	"testing"
	"time"
)

func TestNumeral(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 12: "十二", 20: "二十", 60: "六十", 100: "一百", 105: "一百零五",
		110: "一百一十", 1010: "一千零一十", 2026: "二千零二十六"} {
		if got := Numeral(n, Chinese); got != want {
			t.Errorf("Numeral(%d) = %q, want %q", n, got, want)
		}
	}
	if Numeral(7, English) != "7" {
		t.Error("English numeral")
	}
}

// summaryLedger is a small year: twelve research visits, monthly law
// study that missed August and October, and one reminder talk with nobody
// named, dated in the year 2026.
func summaryLedger(asOf Date) (YearStatus, []Record) {
	research := Duty{ID: 1, Title: "开展调研活动", Category: Research}
	law := Duty{ID: 2, Title: "会前学法", Category: Study, Basis: "《学法制度》\n第3条"}
	talk := Duty{ID: 3, Title: "提醒谈话", Category: Talk}
	var recs []Record
	add := func(d Duty, date Date, topic, with, place string) {
		recs = append(recs, Record{ID: int64(len(recs) + 1), DutyID: d.ID, Date: date, Topic: topic, With: with, Place: place})
	}
	for i := 0; i < 12; i++ {
		add(research, NewDate(2026, time.Month(1+i), 10), "基层调研", "王五", "城东所")
	}
	for m := 1; m <= 12; m++ {
		if m == 8 || m == 10 {
			continue
		}
		add(law, NewDate(2026, time.Month(m), 8), "学习法律法规\x1b[2J", "张三、李四", "三楼会议室")
	}
	add(talk, NewDate(2026, 3, 1), "廉政提醒", "", "")
	add(talk, NewDate(2025, 12, 30), "去年的谈话", "", "") // another year: left out
	tracked := []Tracked{
		{Duty: research, Target: Target{Year: 2026, Cadence: Year, Min: 12}},
		{Duty: law, Target: Target{Year: 2026, Cadence: Month, Min: 1}},
		{Duty: talk, Target: Target{Year: 2026, Cadence: Year, Min: 1}},
	}
	for _, r := range recs {
		tracked[r.DutyID-1].Dates = append(tracked[r.DutyID-1].Dates, r.Date)
	}
	return EvaluateYear(2026, CloseOf(asOf), tracked), recs
}

func TestBuildSummary(t *testing.T) {
	ys, recs := summaryLedger(NewDate(2026, 12, 31))
	s := BuildSummary(ys, recs, Profile{Name: "张三", Unit: "某某局"}, Chinese)
	if s.Title != "2026年度个人履职情况" || s.ProfileLine != "姓名：张三\u3000单位：某某局" || s.Partial {
		t.Errorf("head: %q %q %v", s.Title, s.ProfileLine, s.Partial)
	}
	if s.Period != "统计期间：2026年1月1日至12月31日" {
		t.Errorf("period %q", s.Period)
	}
	byTitle := map[string]SummaryDuty{}
	for _, d := range s.Duties {
		byTitle[d.Duty.Title] = d
	}
	if p := byTitle["开展调研活动"].Paragraph; p != "全年开展调研活动12次，达到全年不少于12次的要求。" {
		t.Errorf("research paragraph %q", p)
	}
	law := byTitle["会前学法"]
	if law.Paragraph != "全年参加会前学法10次，12个月中有10个月达到每月1次的要求，8月、10月未开展。" {
		t.Errorf("law paragraph %q", law.Paragraph)
	}
	if law.Shortfall != "8月、10月未参加会前学法，未达到每月1次的要求" {
		t.Errorf("law shortfall %q", law.Shortfall)
	}
	if law.Items[0] != "1月8日，学习法律法规（参加人员：张三、李四；地点：三楼会议室）。" {
		t.Errorf("law item %q", law.Items[0])
	}
	if it := byTitle["提醒谈话"].Items; len(it) != 1 || it[0] != "3月1日，廉政提醒（谈话对象：＿＿＿）。" {
		t.Errorf("talk items %q", it)
	}
	if p := byTitle["提醒谈话"].Paragraph; p != "全年开展提醒谈话1次，达到全年不少于1次的要求。" {
		t.Errorf("talk paragraph %q", p)
	}
	if len(s.Missed) != 1 || s.Missed[0].Text != "会前学法：8月、10月未开展。" {
		t.Errorf("missed %+v", s.Missed)
	}
	if s.Overview != "2026年，本人列入台账的履职事项共3项，其中已完成2项、未达标1项；共开展履职活动23次。按各事项的频次要求，全年应开展25次，实际完成23次，完成率92.0%。" {
		t.Errorf("overview %q", s.Overview)
	}
	if s.Duties[0].Row[4] != "10/12" {
		t.Errorf("progress cell %q", s.Duties[0].Row[4])
	}
	rows := s.Ledger()
	if len(rows) != 23 || rows[0].Date != NewDate(2026, 1, 8) || rows[0].Duty != "会前学法" || rows[0].Basis != "《学法制度》\n第3条" || rows[22].No != 23 {
		t.Errorf("ledger %d rows, first %+v", len(rows), rows[0])
	}
	if s.Duties[0].Heading != "（一）会前学法" {
		t.Errorf("first heading %q (study comes before research)", s.Duties[0].Heading)
	}

	// Mid-year, in English.
	ys, recs = summaryLedger(NewDate(2026, 6, 30))
	s = BuildSummary(ys, recs, Profile{}, English)
	if !s.Partial || s.Period != "Period: up to Jun 30, 2026" || s.ProfileLine != "" {
		t.Errorf("mid-year head %q %q", s.Period, s.ProfileLine)
	}
	if s.Title != "Personal Duty Summary for the First Half of 2026" {
		t.Errorf("mid-year title %q", s.Title)
	}
	if p := s.Duties[0].Paragraph; p != "6 times by Jun 30, meeting the requirement of 1 a month." && p != "6 times by Jun 30, on track for 1 a month." {
		t.Errorf("mid-year law %q", p)
	}
	if len(s.Missed) != 0 || len(s.Ledger()) != 13 {
		t.Errorf("mid-year missed %v, %d rows", s.Missed, len(s.Ledger()))
	}
}

func TestSummaryWeeks(t *testing.T) {
	weekly := Duty{ID: 1, Title: "周例会", Category: Meeting}
	recs := []Record{
		{ID: 1, DutyID: 1, Date: NewDate(2025, 12, 29), Topic: "第一周"}, // ISO week 1 of 2026
		{ID: 2, DutyID: 1, Date: NewDate(2026, 1, 5), Topic: "第二周"},
		{ID: 3, DutyID: 1, Date: NewDate(2025, 12, 22), Topic: "去年"},
	}
	tr := Tracked{Duty: weekly, Target: Target{Year: 2026, Cadence: Week, Min: 1}}
	for _, r := range recs {
		tr.Dates = append(tr.Dates, r.Date)
	}
	ys := EvaluateYear(2026, Now(NewDate(2026, 1, 20)), []Tracked{tr})
	s := BuildSummary(ys, recs, Profile{}, Chinese)
	d := s.Duties[0]
	if len(d.Items) != 2 || d.Items[0] != "2025年12月29日，第一周。" || len(s.Ledger()) != 2 {
		t.Errorf("items %q, %d ledger rows", d.Items, len(s.Ledger()))
	}
	if len(s.Missed) != 1 || s.Missed[0].Text != "周例会：第3周（1月12日至1月18日）未开展。" {
		t.Errorf("missed %+v", s.Missed)
	}
}

// One naming of missed periods serves the check, the workbook and the
// summary: every missed period in order, empty or short.
func TestMissedPeriods(t *testing.T) {
	quarterly := Target{Year: 2026, Cadence: Quarter, Min: 2}
	dates := []Date{NewDate(2026, 2, 1), NewDate(2026, 2, 2), NewDate(2026, 5, 1)} // Q1 met, Q2 short, Q3 and Q4 empty
	dy := Evaluate(Tracked{Target: quarterly, Dates: dates}, Now(NewDate(2027, 1, 15)))
	yearly := Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Year, Min: 1}}, Now(NewDate(2027, 1, 15)))
	met := Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Month, Min: 1}}, Now(NewDate(2026, 1, 20)))
	// Months: Jan–Mar and May–Jun empty, April and July onward met; weeks:
	// 1 met, 2–46 empty, 47 met, 48 empty.
	months := Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Month, Min: 1},
		Dates: []Date{NewDate(2026, 4, 1), NewDate(2026, 7, 1), NewDate(2026, 8, 1), NewDate(2026, 9, 1), NewDate(2026, 10, 1), NewDate(2026, 11, 1), NewDate(2026, 12, 1)}}, Now(NewDate(2027, 1, 15)))
	weeks := Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Week, Min: 1}, Dates: []Date{NewDate(2026, 1, 1), NewDate(2026, 11, 17)}}, Now(NewDate(2026, 11, 30)))
	for _, c := range []struct {
		name string
		dy   DutyYear
		lang Lang
		want string
	}{
		{"quarters zh", dy, Chinese, "二季度、三季度、四季度"},
		{"quarters en", dy, English, "Q2, Q3, Q4"},
		{"year zh", yearly, Chinese, "全年"},
		{"year en", yearly, English, "the year"},
		{"none missed", met, Chinese, ""},
		{"months: a run of three, a pair", months, Chinese, "1至3月、5月、6月"},
		{"months en", months, English, "Jan-Mar, May, Jun"},
		{"weeks: a long run, then one", weeks, Chinese, "第2至46周、第48周"},
		{"weeks en", weeks, English, "W02-W46, W48"},
	} {
		if got := MissedPeriods(c.dy, c.lang); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// The summary says how each fell short, the empty ones first.
	if got := missedPhrase(dy, 2026, Chinese); got != "三季度、四季度未开展；二季度仅1次" {
		t.Errorf("zh phrase %q", got)
	}
	if got := missedPhrase(dy, 2026, English); got != "none in Q3 or Q4; only once in Q2" {
		t.Errorf("en phrase %q", got)
	}
	// Weeks are named with their dates in the summary.
	if got := missedPhrase(weeks, 2026, Chinese); got != "第2至46周（1月5日至11月15日）、第48周（11月23日至11月29日）未开展" {
		t.Errorf("zh weeks %q", got)
	}
	if got := missedPhrase(weeks, 2026, English); got != "none in W02-W46 (Jan 5-Nov 15) or W48 (Nov 23-Nov 29)" {
		t.Errorf("en weeks %q", got)
	}
}

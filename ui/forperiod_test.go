package ui

import (
	"context"
	"strings"
	"testing"

	"taizhang/data"
	"taizhang/model"
)

// The record form offers 计入期间 when the date follows, within 60 days,
// a period the duty has not met: October is met here, so on 2026-11-20
// only September is offered, and choosing it stores the period.
func TestRecordFormOffersAnEarlierPeriod(t *testing.T) {
	s, _ := monthlyDutyMetInOctober(t)
	bg := context.Background()
	a := newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "月度谈心谈话")
	press(t, a, "a")
	mustContain(t, a, "计入期间", "[2026年11月（按日期）]", "2026年9月")
	mustNotContain(t, a, "2026年10月", "2026年8月")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
	// Back to the date, two days earlier; then to the choice and pick September.
	press(t, a, "up", "up", "-", "-", "down", "right")
	mustContain(t, a, "2026-11-20", "[2026年9月]")
	press(t, a, "down", "补谈", "ctrl+s")
	rs := recordsOf(t, s, "月度谈心谈话")
	if len(rs) != 2 || rs[0].For.String() != "2026-09" || rs[0].Topic != "补谈" {
		t.Fatalf("records = %+v", rs)
	}
	// Editing it shows September chosen; choosing its date clears it.
	selectDuty(t, a, "月度谈心谈话")
	press(t, a, "enter")
	press(t, a, "e")
	mustContain(t, a, "[2026年9月]")
	press(t, a, "down", "left", "ctrl+s")
	if rs := recordsOf(t, s, "月度谈心谈话"); !rs[0].For.IsZero() {
		t.Errorf("for = %s after choosing the record's date", rs[0].For)
	}
	// A yearly duty: late November follows no period within 60 days, so
	// nothing is offered; 10 January follows 2025, offered, and refused
	// in one sentence under the choice because 2025 has no target.
	press(t, a, "esc")
	if _, err := s.AddDuty(bg, model.Duty{Title: "年度述职述廉", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Year, Min: 1}); err != nil {
		t.Fatal(err)
	}
	a = newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "年度述职述廉")
	press(t, a, "a")
	mustNotContain(t, a, "计入期间")
	press(t, a, "up")
	for range 10 {
		press(t, a, "backspace")
	}
	press(t, a, "2026-01-10")
	mustContain(t, a, "计入期间", "[2026年（按日期）]", "2025年")
	press(t, a, "down", "right", "ctrl+s")
	mustContain(t, a, "该事项在2025年没有年度要求，记录不能计入2025年。")
	if rs := recordsOf(t, s, "年度述职述廉"); len(rs) != 0 {
		t.Errorf("a refused form wrote %d records", len(rs))
	}

	en := newTestApp(t, s, model.English, 80, 24)
	selectDuty(t, en, "月度谈心谈话")
	press(t, en, "a")
	mustContain(t, en, "Counts for", "[Nov 2026 (its date)]", "Sep 2026")
	checkFits(t, strings.Join(en.compose(), "\n"), 80, 24)
}

// monthlyDutyMetInOctober is a test ledger with one monthly duty,
// 月度谈心谈话, whose October is met by a record of 2026-10-05.
func monthlyDutyMetInOctober(t *testing.T) (*data.Store, int64) {
	t.Helper()
	s, _ := testLedger(t)
	bg, today := context.Background(), model.NewDate(2026, 11, 22)
	id, err := s.AddDuty(bg, model.Duty{Title: "月度谈心谈话", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddRecord(bg, model.Record{DutyID: id, Date: model.NewDate(2026, 10, 5), Topic: "十月"}, today); err != nil {
		t.Fatal(err)
	}
	return s, id
}

// A year-end report given in January for last year's second half is under
// the duty in last year, where it counts, and not in this year's detail.
func TestDetailListsARecordWhereItCounts(t *testing.T) {
	s, _ := testLedger(t)
	bg := context.Background()
	id, err := s.AddDuty(bg, model.Duty{Title: "向党组报告", Category: model.Report}, model.Target{Year: 2026, Cadence: model.Half, Min: 1})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Duty(bg, id)
	if err := s.EditDuty(bg, data.DutyChange{Duty: d, Target: &model.Target{DutyID: id, Year: 2025, Cadence: model.Half, Min: 1}}); err != nil {
		t.Fatal(err)
	}
	h2, _ := model.ParsePeriodRef("2025-H2")
	if _, err := s.AddRecord(bg, model.Record{DutyID: id, Date: model.NewDate(2026, 1, 10), Topic: "2025年终报告", For: h2}, model.NewDate(2026, 11, 22)); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 100, 30)
	selectDuty(t, a, "向党组报告")
	press(t, a, "enter")
	mustContain(t, a, "记录（0）")
	press(t, a, "esc", "[")
	selectDuty(t, a, "向党组报告")
	press(t, a, "enter")
	mustContain(t, a, "记录（1）", "2025年终报告")
	// The year map shows it under 2025's December, where it counts.
	for i, dy := range a.c.data.status.Duties {
		if dy.Duty.ID == id {
			if got := a.ymap.cells[i]; got[11].count != 1 || got[0].count != 0 {
				t.Errorf("the 2025 map row: %+v", got)
			}
		}
	}
}

package ui

import (
	"context"
	"strings"
	"testing"

	"taizhang/model"
)

// Excusing a period from the duty's detail: refused without a reason and
// on a met period, each in one sentence writing nothing; excused with a
// reason, shown 免 in the strip, undone with u; withdrawn.
func TestExcuseAPeriodFromTheDetail(t *testing.T) {
	s, id := monthlyDutyMetInOctober(t)
	bg := context.Background()
	excused := func() []model.Excuse {
		t.Helper()
		es, err := s.Excuses(bg, 2026)
		if err != nil {
			t.Fatal(err)
		}
		var out []model.Excuse
		for _, e := range es {
			if e.DutyID == id {
				out = append(out, e)
			}
		}
		return out
	}
	a := newTestApp(t, s, model.Chinese, 80, 24)
	selectDuty(t, a, "月度谈心谈话")
	press(t, a, "enter", "v")
	mustContain(t, a, "免于要求：月度谈心谈话", "2026年11月", "理由", "撤销")
	checkFits(t, strings.Join(a.compose(), "\n"), 80, 24)
	// No reason.
	press(t, a, "ctrl+s")
	mustContain(t, a, "请写明免于要求的理由")
	// October is met: refused by the ledger.
	press(t, a, "up", "left", "down", "病休", "ctrl+s")
	mustContain(t, a, "2026年10月已完成（1/1），已完成的期间不能免于要求。")
	if len(excused()) != 0 {
		t.Fatalf("a refused excuse was written: %+v", excused())
	}
	// September, with the reason: excused.
	press(t, a, "left", "ctrl+s")
	es := excused()
	if len(es) != 1 || es[0].Period.String() != "2026-09" || es[0].Reason != "病休" {
		t.Fatalf("excuses = %+v", es)
	}
	mustContain(t, a, "已免于要求：月度谈心谈话 2026年9月", "免")
	press(t, a, "u")
	mustContain(t, a, "已撤销")
	if len(excused()) != 0 {
		t.Fatalf("undo left %+v", excused())
	}
	press(t, a, "u")
	// Excuse again, then withdraw it.
	press(t, a, "v", "left", "left", "down", "出差", "ctrl+s")
	if es := excused(); len(es) != 1 || es[0].Reason != "出差" {
		t.Fatalf("excuses = %+v", es)
	}
	press(t, a, "v", "left", "left")
	mustContain(t, a, "出差", "（已免）")
	press(t, a, "down", "down", "space", "ctrl+s")
	mustContain(t, a, "已撤销免于要求：月度谈心谈话 2026年9月")
	if len(excused()) != 0 {
		t.Fatalf("withdrawn excuse still there: %+v", excused())
	}

	en := newTestApp(t, s, model.English, 80, 24)
	selectDuty(t, en, "月度谈心谈话")
	press(t, en, "enter", "v", "down", "ctrl+s")
	mustContain(t, en, "Excuse a period: 月度谈心谈话", "Nov 2026", "Give the reason")
	checkFits(t, strings.Join(en.compose(), "\n"), 80, 24)
}

// Periods before the post start date are not required, so they are not
// offered to be excused.
func TestExcuseOffersOnlyRequiredPeriods(t *testing.T) {
	s, _ := testLedger(t)
	start := model.NewDate(2026, 9, 1)
	if _, err := s.AddDuty(context.Background(), model.Duty{Title: "九月起谈心", Category: model.Study}, model.Target{Year: 2026, Cadence: model.Month, Min: 1, Start: start}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, s, model.Chinese, 200, 40)
	selectDuty(t, a, "九月起谈心")
	press(t, a, "enter", "v")
	mustContain(t, a, "2026年9月", "[2026年11月]", "2026年12月")
	mustNotContain(t, a, "2026年8月")
}

package cli

import (
	"fmt"
	"sort"
	"strings"

	"taizhang/data"
	"taizhang/data/export"
	"taizhang/model"
	"taizhang/ui/cells"
)

// period reads a PERIOD argument or flag: 2026, 2026-H1, 2026-Q3, 2026-08,
// 2026-W05, or 2026年上半年, 2026年8月, 2026年第3季度.
func (a *App) period(flag, v string) (model.PeriodRef, error) {
	r, err := model.ParsePeriodRef(v)
	if ie, ok := model.AsInput(err); ok && flag != "" {
		// A flag is named; the argument is the sentence's subject itself.
		s := a.say(ie, ie.In)
		if a.Lang == model.English {
			s = flag + ": " + strings.ToLower(s[:1]) + s[1:]
		} else {
			s = flag + " " + s
		}
		return r, model.Invalid(ie.Err, s, s)
	}
	return r, err
}

// ExcuseCmd excuses one period of a duty with a reason, or withdraws it.
type ExcuseCmd struct {
	Duty   string `arg:"" help:"事项编号或名称的一部分 / duty id or part of its title"`
	Period string `arg:"" help:"期间，如 2026-08、2026-Q3、2026-H1、2026-W05、2026年8月 / the period, e.g. 2026-08" placeholder:"PERIOD"`
	Reason string `help:"理由，如 病休、上级统一组织、岗位调整 / the reason, e.g. sick leave" placeholder:"TEXT"`
	Remove bool   `help:"撤销该期间的免于要求 / withdraw the excuse"`
}

// Run excuses the period, or withdraws the excuse, and says so.
func (c *ExcuseCmd) Run(a *App) error {
	ref, err := a.period("", c.Period)
	if err != nil {
		return err
	}
	if c.Remove && c.Reason != "" {
		return a.refuse(a.txt().RemoveNoReason)
	}
	s, d, err := a.existingDuty(c.Duty)
	if err != nil {
		return err
	}
	title := model.CleanLine(d.Title)
	if c.Remove {
		if _, err := s.RemoveExcuse(ctxb, d.ID, ref); err != nil {
			return err
		}
		a.Printf(a.txt().ExcuseWithdrawn+"\n", title, ref.Label(a.Lang))
		return nil
	}
	e, replaced, err := s.Excuse(ctxb, d.ID, ref, c.Reason, a.Today())
	if err != nil {
		return err
	}
	msg := fmt.Sprintf(a.txt().Excused, title, ref.Label(a.Lang), e.Reason)
	if replaced.Reason != "" && replaced.Reason != e.Reason {
		msg += fmt.Sprintf(a.txt().ReplacesReason, replaced.Reason)
	}
	a.Printf("%s\n", model.CleanLine(msg))
	return nil
}

// DueCmd lists what is open now and still owed, soonest first.
type DueCmd struct {
	Within int  `help:"只列出这些天内到期的 / only what ends within this many days" placeholder:"DAYS"`
	JSON   bool `name:"json" help:"输出 JSON / print JSON"`
}

type dueOut struct {
	DutyID      int64            `json:"duty_id"`
	Duty        string           `json:"duty"`
	Category    string           `json:"category"`
	Period      string           `json:"period"`
	PeriodLabel string           `json:"period_label"`
	Start       string           `json:"start"`
	End         string           `json:"end"`
	DaysLeft    int              `json:"days_left"` // days after today: 0 on the last day
	Count       int              `json:"count"`
	Min         int              `json:"min"`
	Owed        int              `json:"owed"`
	Now         string           `json:"now"`
	Status      string           `json:"status"`
	Verdict     string           `json:"verdict"`
	Coverage    *export.Coverage `json:"coverage,omitempty"` // who a per-person duty has reached
}

// dueItem is one open, unmet current period.
type dueItem struct {
	dy  model.DutyYear
	p   model.PeriodResult
	ref model.PeriodRef
}

// Run lists the open periods.
func (c *DueCmd) Run(a *App) error {
	if c.Within < 0 {
		return a.refuse(a.txt().BadWithin)
	}
	s, err := a.Existing()
	if err != nil {
		return err
	}
	items, unfilled, err := dueNow(s, a.Today())
	if err != nil {
		return err
	}
	now := model.Now(a.Today())
	if c.Within > 0 {
		kept := items[:0]
		for _, it := range items {
			if int(it.p.End-now.Day) <= c.Within {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	if c.JSON {
		out := []dueOut{}
		for _, it := range items {
			out = append(out, dueJSON(it, now.Day, a.Lang))
		}
		// A per-person duty whose group nobody is in owes nothing yet but is
		// named, as below the text list and in status --json: with its
		// coverage marked roster_empty, in the period holding today.
		for _, dy := range unfilled {
			if p, ok := periodHolding(dy, now.Day); ok {
				out = append(out, dueJSON(dueItem{dy, p, model.RefOf(dy.Target.Cadence, now.Day.Year(), p.Period)}, now.Day, a.Lang))
			}
		}
		return a.writeJSON(out)
	}
	// A per-person duty whose group nobody is in owes nothing yet; it is
	// named below the list, so it is not forgotten.
	defer func() {
		for _, dy := range unfilled {
			a.Printf("%s", unfilledLine(dy, a.Lang))
		}
	}()
	if len(items) == 0 {
		if c.Within > 0 {
			a.Printf("%s\n", fmt.Sprintf(a.txt().NothingDueWithin, c.Within))
		} else {
			a.Printf("%s\n", a.txt().NothingDue)
		}
		return nil
	}
	rows := [][]string{{a.txt().ColID, a.txt().ColDuty, a.txt().ColPeriod, a.txt().ColDone, a.txt().ColOwed,
		a.txt().ColEnds, a.txt().ColLeft, a.txt().ColStatus}}
	for _, it := range items {
		left := int(it.p.End - now.Day)
		rows = append(rows, []string{fmt.Sprint(it.dy.Duty.ID), it.dy.Duty.Title, it.ref.Label(a.Lang),
			dueDone(it.dy, it.p, a.Lang), fmt.Sprint(it.dy.Owed()), it.p.End.String(),
			daysLeft(a.txt(), left), it.dy.Badge(a.Lang)})
	}
	limits, right := []int{0, 30, 0, 0, 0, 0, 0, 0}, []int{0, 3, 4, 6}
	if w := a.width(); w > 0 && w < 100 {
		// A narrow terminal drops the end date (the days left say when,
		// and --json has it) and cuts the title: the status is the point
		// of the row and is never cut.
		for i, r := range rows {
			rows[i] = append(r[:5:5], r[6:]...)
		}
		limits, right = []int{0, 30, 0, 0, 0, 0, 0}, []int{0, 3, 4, 5}
	}
	a.Printf("%s", cells.FitTable(rows, limits, a.width(), []int{1}, right...))
	a.Printf("%s\n", fmt.Sprintf(a.txt().DueCount, len(items)))
	return nil
}

// dueJSON is one due item in due --json.
func dueJSON(it dueItem, today model.Date, lang model.Lang) dueOut {
	out := dueOut{it.dy.Duty.ID, model.CleanLine(it.dy.Duty.Title), string(it.dy.Duty.Category),
		it.ref.String(), it.ref.Label(lang), it.p.Start.String(), it.p.End.String(), int(it.p.End - today),
		it.p.Count, it.dy.Target.Min, it.dy.Owed(), string(it.dy.Now), string(it.dy.Status), string(it.dy.Verdict), nil}
	if c := it.dy.Coverage; c != nil {
		out.Coverage = export.CoverageOf(*c, "", 0)
		out.Coverage.Group = model.CleanLine(it.dy.Target.Each)
	}
	return out
}

// periodHolding is the period of a duty's year that holds day, required
// or not; at the turn of the year (a week of the neighbouring ISO year)
// the nearest of its own.
func periodHolding(dy model.DutyYear, day model.Date) (model.PeriodResult, bool) {
	if len(dy.Periods) == 0 {
		return model.PeriodResult{}, false
	}
	for _, p := range dy.Periods {
		if day <= p.End {
			return p, true
		}
	}
	return dy.Periods[len(dy.Periods)-1], true
}

// dueNow is every duty's current period that is open and not yet met, at
// the moment during today, soonest end first (then the more urgent, then
// by duty). At the turn of the year a weekly duty's current week may
// belong to the neighbouring ISO year, whose targets are read too.
// unfilled are this year's per-person duties whose group has nobody in it.
func dueNow(s *data.Store, today model.Date) (items []dueItem, unfilled []model.DutyYear, err error) {
	years := []int{today.Year()}
	if iy, _ := today.ISOWeek(); iy != today.Year() {
		years = append(years, iy)
	}
	for _, y := range years {
		ys, err := s.YearStatus(ctxb, y, today)
		if err != nil {
			return nil, nil, err
		}
		for _, dy := range ys.Duties {
			if c := dy.Coverage; c != nil && c.Unfilled && y == today.Year() {
				unfilled = append(unfilled, dy)
			}
			p, ok := dy.CurrentPeriod()
			if !ok || dy.Owed() == 0 {
				continue
			}
			items = append(items, dueItem{dy, p, model.RefOf(dy.Target.Cadence, y, p.Period)})
		}
	}
	urgency := map[model.NowState]int{model.NowDueSoon: 0, model.NowBehind: 1, model.NowOnTrack: 2}
	sort.SliceStable(items, func(i, j int) bool {
		x, y := items[i], items[j]
		if x.p.End != y.p.End {
			return x.p.End < y.p.End
		}
		if urgency[x.dy.Now] != urgency[y.dy.Now] {
			return urgency[x.dy.Now] < urgency[y.dy.Now]
		}
		return x.dy.Duty.ID < y.dy.Duty.ID
	})
	return items, unfilled, nil
}

// dueDone is a due period's progress: credited/required, or for a
// per-person duty the people covered (7/9人).
func dueDone(dy model.DutyYear, p model.PeriodResult, lang model.Lang) string {
	if dy.Coverage != nil {
		return dy.Coverage.Ratio(lang)
	}
	return fmt.Sprintf("%d/%d", p.Credit, p.Need)
}

// daysLeft says how long a period has after today, as the app does: its
// last day is today.
func daysLeft(t *Text, n int) string {
	if n == 0 {
		return t.EndsToday
	}
	return fmt.Sprintf(t.DaysShort, n)
}

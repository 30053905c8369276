package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"taizhang/data"
	"taizhang/data/export"
	"taizhang/model"
	"taizhang/ui/cells"
)

var ctxb = context.Background()

// StatusCmd shows the year's status.
type StatusCmd struct {
	Year  int    `help:"年度（默认今年） / year (default: this year)"`
	AsOf  string `name:"as-of" help:"按某日统计，如年中报告用 06-30 / evaluate as of a date" placeholder:"YYYY-MM-DD"`
	JSON  bool   `name:"json" help:"输出 JSON / print JSON" xor:"format"`
	Short bool   `help:"输出一行摘要 / print one line" xor:"format"`
}

// Run prints the status.
func (c *StatusCmd) Run(a *App) error {
	asOf, err := a.asOf(c.AsOf)
	if err != nil {
		return err
	}
	year, s, err := a.yearLedger(c.Year)
	if c.Short && errors.Is(err, data.ErrNoLedger) {
		// A shell prompt runs status --short before every command, on
		// machines where no ledger was ever started too: there the line
		// has nothing to say, and an error under every prompt would only
		// be noise. A ledger that is there but cannot be read still says
		// why, as does bad input.
		return nil
	}
	if err != nil {
		return err
	}
	// Without --as-of, now: a period ending today is still open; with it,
	// at the close of that day, as the exports judge it.
	m := model.Now(asOf)
	if c.AsOf != "" {
		m = model.CloseOf(asOf)
	}
	ys, err := s.YearStatusAt(ctxb, year, m)
	if err != nil {
		return err
	}
	switch {
	case c.JSON:
		return a.writeJSON(statusJSON(ys))
	case c.Short:
		line := shortLine(ys, a.Lang)
		a.Printf("%s\n", line)
		if s.Network == "" {
			a.short.keep(line)
		}
	default:
		a.Printf("%s", statusTable(ys, a.Lang, a.width()))
	}
	return nil
}

// asOf parses --as-of; it defaults to today and may not be after it.
func (a *App) asOf(v string) (model.Date, error) {
	today := a.Today()
	d, err := a.date("--as-of", v, today)
	if err != nil {
		return 0, err
	}
	if d > today {
		return 0, a.Bad(a.txt().FutureAsOf, d.String())
	}
	return d, nil
}

func (a *App) writeJSON(v any) error {
	enc := json.NewEncoder(a.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

type periodOut struct {
	Start   string `json:"start"`
	End     string `json:"end"`
	Count   int    `json:"count"`
	State   string `json:"state"`
	Period  string `json:"period"`           // 2026-08
	Excused bool   `json:"excused"`          // excused with a reason: neither met nor missed
	Reason  string `json:"reason,omitempty"` // why, when excused
}

type dutyStatusOut struct {
	ID       int64            `json:"id"`
	Title    string           `json:"title"`
	Category string           `json:"category"`
	Cadence  string           `json:"cadence"`
	Min      int              `json:"min"`
	Required int              `json:"required"`
	Done     int              `json:"done"`
	Credited int              `json:"credited"`
	Status   string           `json:"status"`
	Verdict  string           `json:"verdict"` // the year verdict: done, missed, archived, not_started, in_progress
	Now      string           `json:"now"`     // this period: met, due_soon, behind, on_track; "" when none is open
	Periods  []periodOut      `json:"periods"`
	Each     string           `json:"each,omitempty"`     // the group of a per-person duty
	Coverage *export.Coverage `json:"coverage,omitempty"` // who a per-person duty reached
}

type figuresOut struct {
	Duties     int     `json:"duties"`
	Done       int     `json:"done"`
	Missed     int     `json:"missed"`
	Behind     int     `json:"behind"`
	DueSoon    int     `json:"due_soon"`
	OnTrack    int     `json:"on_track"`
	NotStarted int     `json:"not_started"`
	Archived   int     `json:"archived"`
	Owed       int     `json:"owed"` // duties whose current period is open and not yet met
	Required   int     `json:"required"`
	Credited   int     `json:"credited"`
	Rate       float64 `json:"rate"`
}

type statusOut struct {
	Year    int             `json:"year"`
	AsOf    string          `json:"as_of"`
	Duties  []dutyStatusOut `json:"duties"`
	Figures figuresOut      `json:"figures"`
}

// statusJSON is the public shape of status --json. Periods that are not
// required (before a target's start date, after its duty's archive day)
// are left out; excused periods are in, with their reason.
func statusJSON(ys model.YearStatus) statusOut {
	out := statusOut{Year: ys.Year, AsOf: ys.AsOf.String(), Duties: []dutyStatusOut{}}
	for _, dy := range ys.Duties {
		d := dutyStatusOut{
			ID: dy.Duty.ID, Title: model.CleanLine(dy.Duty.Title), Category: string(dy.Duty.Category),
			Cadence: string(dy.Target.Cadence), Min: dy.Target.Min,
			Required: dy.Required, Done: dy.Done, Credited: dy.Credited, Status: string(dy.Status),
			Verdict: string(dy.Verdict), Now: string(dy.Now),
			Periods: []periodOut{},
		}
		for _, p := range dy.Periods {
			if p.State != model.Exempt {
				d.Periods = append(d.Periods, periodOut{p.Start.String(), p.End.String(), p.Count, string(p.State),
					model.RefOf(dy.Target.Cadence, ys.Year, p.Period).String(), p.State == model.Excused, model.CleanLine(p.Reason)})
			}
		}
		if dy.Coverage != nil {
			d.Each, d.Coverage = model.CleanLine(dy.Target.Each), export.CoverageOf(*dy.Coverage, "", 0)
			d.Coverage.Group = d.Each
		}
		out.Duties = append(out.Duties, d)
	}
	f := ys.Figures
	out.Figures = figuresOut{f.Duties, f.Done, f.Missed, f.Behind, f.DueSoon, f.OnTrack, f.NotStarted, f.Archived, f.Owed,
		f.Required, f.Credited, math.Round(f.Rate*10000) / 10000}
	return out
}

func percent(r float64) string { return fmt.Sprintf("%.1f%%", r*100) }

// shortLine is one line for a shell prompt or a status bar: what needs
// doing now (the duties whose current period is still owed, of them due
// soon and behind), then the year.
func shortLine(ys model.YearStatus, lang model.Lang) string {
	f := ys.Figures
	return fmt.Sprintf(textFor(lang).ShortLine,
		ys.Year, f.Done, f.Duties, f.Owed, f.DueSoon, f.Behind, f.Missed, percent(f.Rate))
}

// headline is the year's title line and its figures.
func headline(ys model.YearStatus, lang model.Lang) []string {
	f := ys.Figures
	t := textFor(lang)
	end := model.NewDate(ys.Year, 12, 31)
	var left string
	switch {
	case ys.AsOf > end:
		left = t.YearOver
	case ys.AsOf.Year() < ys.Year:
		left = t.YearAhead
	default:
		left = fmt.Sprintf(t.DaysLeft, int(end-ys.AsOf))
	}
	// At the close of a day (--as-of) the period ending that day is judged:
	// the heading says so.
	asOf := fmt.Sprintf(t.AsOf, ys.AsOf.String())
	if ys.At.Closed {
		asOf = fmt.Sprintf(t.AsOfClose, ys.AsOf.String())
	}
	return []string{
		fmt.Sprintf(t.StatusTitle, ys.Year, asOf, left),
		fmt.Sprintf(t.StatusCounts, f.Duties, f.DueSoon, f.Behind, f.Missed, f.Done, f.Archived, f.OnTrack, f.NotStarted),
		fmt.Sprintf(t.StatusRate, f.Required, f.Credited, percent(f.Rate)),
	}
}

// statusTable is the status as a table under its headline, fitted to
// width columns (0: as wide as it is).
func statusTable(ys model.YearStatus, lang model.Lang, width int) string {
	var b strings.Builder
	for _, l := range headline(ys, lang) {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	if len(ys.Duties) == 0 {
		fmt.Fprintf(&b, textFor(lang).StatusEmpty, ys.Year)
		return b.String()
	}
	t := textFor(lang)
	head := []string{t.ColID, t.ColCategory, t.ColDuty, t.ColRequirement, t.ColDone, t.ColStatus, t.ColNextDue}
	rows := [][]string{head}
	for _, dy := range ys.Duties {
		next := "-"
		if !dy.NextDue.IsZero() {
			next = dy.NextDue.String()
		}
		rows = append(rows, []string{
			fmt.Sprint(dy.Duty.ID), dy.Duty.Category.Name(lang), dy.Duty.Title, dy.Target.Requirement(lang),
			dy.Progress(lang), dy.Badge(lang), next,
		})
	}
	limits := []int{0, 0, 30, 22, 0, 0, 0}
	if width > 0 && width < 100 {
		// A narrow terminal keeps the title, the requirement, the
		// progress and the status; the category and the next due day are
		// in the app and in --json.
		for i, r := range rows {
			rows[i] = []string{r[0], r[2], r[3], r[4], r[5]}
		}
		limits = []int{0, 30, 22, 0, 0}
	}
	b.WriteString(cells.FitTable(rows, limits, width, []int{2, 1}, 0))
	b.WriteString(missingLines(ys, lang))
	return b.String()
}

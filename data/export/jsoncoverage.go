package export

import (
	"context"
	"sort"

	"taizhang/data"
	"taizhang/model"
)

// Coverage is who a per-person target reached (DESIGN §3a), as JSON
// states it: the export on each target, as of the export (the close of a
// year that is over), and status --json on each duty, where the group and
// the day stand beside it and are left out. The export derives it from
// the roster and the records the file carries, so import reads it only
// for its shape and ignores it.
type Coverage struct {
	AsOf        string   `json:"as_of,omitempty"`
	Group       string   `json:"group,omitempty"`
	Min         int      `json:"min"`
	Required    []string `json:"required"`
	Covered     []string `json:"covered"`
	Missing     []string `json:"missing"`
	Times       int      `json:"times"`             // 人次
	Outside     []string `json:"outside,omitempty"` // names outside the group, as written
	RosterEmpty bool     `json:"roster_empty,omitempty"`
}

type coverageKey struct {
	duty int64
	year int
}

// exportCoverage works out the coverage of every per-person target in d,
// each year as its report would show it (see model.ReportMoment).
func exportCoverage(ctx context.Context, s *data.Store, d data.Dump, asOf, today model.Date) (map[coverageKey]*Coverage, error) {
	years := map[int]bool{}
	for _, dd := range d.Duties {
		for _, t := range dd.Targets {
			if t.PerPerson() {
				years[t.Year] = true
			}
		}
	}
	order := make([]int, 0, len(years))
	for y := range years {
		order = append(order, y)
	}
	sort.Ints(order)
	out := map[coverageKey]*Coverage{}
	for _, y := range order {
		m := model.ReportMoment(y, asOf, today)
		ys, err := s.YearStatusAt(ctx, y, m)
		if err != nil {
			return nil, err
		}
		for _, dy := range ys.Duties {
			if c := dy.Coverage; c != nil {
				out[coverageKey{dy.Duty.ID, y}] = CoverageOf(*c, dy.Target.Each, m.Day)
			}
		}
	}
	return out, nil
}

// CoverageOf is c as JSON states it, cleaned for the file; group and
// asOf are left out when empty.
func CoverageOf(c model.Coverage, group string, asOf model.Date) *Coverage {
	clean := func(ss []string) []string {
		out := make([]string, 0, len(ss))
		for _, s := range ss {
			out = append(out, model.CleanLine(s))
		}
		return out
	}
	req := make([]string, 0, len(c.Required))
	for _, p := range c.Required {
		req = append(req, p.Label)
	}
	jc := &Coverage{Group: model.CleanLine(group), Min: c.Min, Required: clean(req),
		Covered: clean(c.CoveredNames()), Missing: clean(c.Missing), Times: c.Times, RosterEmpty: c.Unfilled}
	if !asOf.IsZero() {
		jc.AsOf = asOf.String()
	}
	if len(c.Outside) > 0 {
		jc.Outside = clean(c.Outside)
	}
	return jc
}

package model

import "sort"

// PeriodState is a period's standing on a given day.
type PeriodState string

// Period states. A period before a target's start date is Exempt: it is
// shown but not required.
const (
	Met      PeriodState = "met"
	Missed   PeriodState = "missed"
	Open     PeriodState = "open"
	Upcoming PeriodState = "upcoming"
	Exempt   PeriodState = "exempt"
)

// Status is a duty's standing for its year, on a given day.
type Status string

// Duty statuses. Evaluate applies them in this order: the first that holds wins.
const (
	Done       Status = "done"
	MissedDuty Status = "missed"
	Behind     Status = "behind"
	DueSoon    Status = "due_soon"
	OnTrack    Status = "on_track"
	NotStarted Status = "not_started"
)

// Statuses lists the statuses from worst to best, the order the dashboard
// counts them in.
var Statuses = []Status{MissedDuty, Behind, DueSoon, OnTrack, NotStarted, Done}

// PeriodResult is one period of a target with its count and state.
type PeriodResult struct {
	Period
	Count int
	State PeriodState
}

// Required reports whether the period counts toward the target.
func (p PeriodResult) Required() bool { return p.State != Exempt }

// Tracked is what the evaluation needs of one duty in one year: the duty,
// its target, and the dates of its records (in any order; dates outside the
// year's periods or after the evaluation day are ignored).
type Tracked struct {
	Duty   Duty
	Target Target
	Dates  []Date
}

// DutyYear is a duty's standing in one year as of one day.
type DutyYear struct {
	Duty     Duty
	Target   Target
	Periods  []PeriodResult
	Done     int // records counted in required periods
	Required int // Σ minimum over required periods
	Credited int // Σ min(count, minimum) over required periods
	Status   Status
	NextDue  Date // end of the first unmet required period not yet over; zero if none
}

// Evaluate computes a target's periods, counts and status as of asOf. A
// target that ended (its duty archived) is evaluated as of its end: what
// stood on the day the duty was handed over, with nothing due after it.
func Evaluate(t Target, dates []Date, asOf Date) DutyYear {
	ended := !t.End.IsZero() && asOf >= t.End
	if ended {
		asOf = t.End
	}
	ps := Periods(t.Cadence, t.Year)
	res := make([]PeriodResult, len(ps))
	for i, p := range ps {
		res[i].Period = p
	}
	for _, d := range dates {
		if d > asOf {
			continue
		}
		if i := PeriodIndex(t.Cadence, t.Year, d); i >= 0 {
			res[i].Count++
		}
	}
	dy := DutyYear{Target: t, Periods: res}
	var open *PeriodResult
	allMet, anyMissed := true, false
	for i := range res {
		p := &res[i]
		switch {
		case !t.Start.IsZero() && p.End < t.Start, !t.End.IsZero() && p.Start > t.End:
			p.State = Exempt
			continue
		case p.Count >= t.Min:
			p.State = Met
		case p.End < asOf:
			p.State = Missed
		case p.Start > asOf:
			p.State = Upcoming
		default:
			p.State = Open
			open = p
		}
		dy.Done += p.Count
		dy.Required += t.Min
		dy.Credited += min(p.Count, t.Min)
		if p.State != Met {
			allMet = false
			if p.End >= asOf && dy.NextDue.IsZero() {
				dy.NextDue = p.End
			}
		}
		anyMissed = anyMissed || p.State == Missed
	}
	dy.Status = status(t, res, open, allMet, anyMissed, asOf)
	if ended {
		dy.NextDue = 0
		if dy.Status == DueSoon {
			dy.Status = OnTrack // nothing falls due any more
		}
	}
	return dy
}

func status(t Target, res []PeriodResult, open *PeriodResult, allMet, anyMissed bool, asOf Date) Status {
	var first *PeriodResult
	for i := range res {
		if res[i].Required() {
			first = &res[i]
			break
		}
	}
	switch {
	case first == nil:
		return NotStarted // nothing is required of this target (yet)
	case allMet:
		return Done
	case anyMissed:
		return MissedDuty
	case asOf < max(first.Start, t.Start):
		return NotStarted
	case open == nil:
		return OnTrack // the current period is already met
	}
	// The pace rule of DESIGN §3, as written: elapsed counts the days from
	// the period's start through asOf, and length the period's days.
	length := open.Days()
	elapsed := int(asOf-open.Start) + 1
	if open.Count < t.Min*elapsed/length {
		return Behind
	}
	left := int(open.End - asOf)
	if left <= 14 && 4*left <= length {
		return DueSoon
	}
	return OnTrack
}

// Figures are the year's totals across duties.
type Figures struct {
	Duties     int
	Done       int
	Missed     int
	Behind     int
	DueSoon    int
	OnTrack    int
	NotStarted int
	Required   int
	Credited   int
	Rate       float64 // Credited / Required; 0 when nothing is required
}

// Count returns the number of duties with status s.
func (f Figures) Count(s Status) int {
	switch s {
	case Done:
		return f.Done
	case MissedDuty:
		return f.Missed
	case Behind:
		return f.Behind
	case DueSoon:
		return f.DueSoon
	case OnTrack:
		return f.OnTrack
	case NotStarted:
		return f.NotStarted
	}
	return 0
}

// YearStatus is the whole year's standing as of one day.
type YearStatus struct {
	Year    int
	AsOf    Date
	Duties  []DutyYear // by category, then duty id
	Figures Figures
}

// EvaluateYear evaluates every tracked duty of year as of asOf and sums the
// year figures.
func EvaluateYear(year int, asOf Date, tracked []Tracked) YearStatus {
	ys := YearStatus{Year: year, AsOf: asOf, Duties: make([]DutyYear, 0, len(tracked))}
	for _, tr := range tracked {
		dy := Evaluate(tr.Target, tr.Dates, asOf)
		dy.Duty = tr.Duty
		ys.Duties = append(ys.Duties, dy)
	}
	sort.SliceStable(ys.Duties, func(i, j int) bool {
		a, b := ys.Duties[i].Duty, ys.Duties[j].Duty
		if a.Category.Rank() != b.Category.Rank() {
			return a.Category.Rank() < b.Category.Rank()
		}
		return a.ID < b.ID
	})
	ys.Figures = Sum(ys.Duties)
	return ys
}

// Sum adds up the figures of a set of duty years.
func Sum(duties []DutyYear) Figures {
	var f Figures
	for _, d := range duties {
		f.Duties++
		f.Required += d.Required
		f.Credited += d.Credited
		switch d.Status {
		case Done:
			f.Done++
		case MissedDuty:
			f.Missed++
		case Behind:
			f.Behind++
		case DueSoon:
			f.DueSoon++
		case OnTrack:
			f.OnTrack++
		case NotStarted:
			f.NotStarted++
		}
	}
	if f.Required > 0 {
		f.Rate = float64(f.Credited) / float64(f.Required)
	}
	return f
}

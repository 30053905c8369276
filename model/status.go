package model

import "sort"

// Moment is the moment a year is evaluated at (DESIGN §3): a day, and
// whether that day is over. During a day (now, as status and the app see
// it) a period ending that day is still open; at the close of a day (what
// --as-of D and every export mean) a period whose last day is D is over
// and judged.
type Moment struct {
	Day    Date
	Closed bool // at the close of Day rather than during it
}

// Now is the moment during day: today, still under way.
func Now(day Date) Moment { return Moment{Day: day} }

// CloseOf is the moment at the close of day.
func CloseOf(day Date) Moment { return Moment{Day: day, Closed: true} }

// Over reports whether p has ended at m.
func (m Moment) Over(p Period) bool { return p.End < m.Day || (m.Closed && p.End == m.Day) }

// Begun reports whether p has begun at m.
func (m Moment) Begun(p Period) bool { return p.Start <= m.Day }

// DaysLeft is how many days of p remain after m: during its last day, 1;
// at the close of its last day, 0.
func (m Moment) DaysLeft(p Period) int {
	left := int(p.End - m.Day)
	if !m.Closed {
		left++
	}
	return max(left, 0)
}

// DueSoonDays is the due-soon window of a period: min(30 days, length/4),
// rounded down. A week's last day, a month's last 7, a quarter's last 22
// (23 for the 92-day third and fourth quarters), a half-year's or a
// year's last 30.
func (p Period) DueSoonDays() int { return min(30, p.Days()/4) }

// PeriodState is a period's standing at a moment.
type PeriodState string

// Period states. Exempt is "not required": before a target's start date,
// or after the day its duty was archived. Excused is a period the officer
// excused with a reason. Neither is counted toward the target.
const (
	Met      PeriodState = "met"
	Missed   PeriodState = "missed"
	Open     PeriodState = "open"
	Upcoming PeriodState = "upcoming"
	Excused  PeriodState = "excused"
	Exempt   PeriodState = "exempt"
)

// Status is a duty's one-word standing (lists, badges, the figures,
// status in JSON): the first of DueSoon, Behind, MissedDuty, Done,
// Archived, OnTrack, NotStarted that applies (DESIGN §3).
type Status string

// Duty statuses.
const (
	DueSoon    Status = "due_soon"
	Behind     Status = "behind"
	MissedDuty Status = "missed"
	Done       Status = "done"
	Archived   Status = "archived"
	OnTrack    Status = "on_track"
	NotStarted Status = "not_started"
)

// Statuses lists the statuses in the order they are decided and counted.
var Statuses = []Status{DueSoon, Behind, MissedDuty, Done, Archived, OnTrack, NotStarted}

// Verdict is a duty's year verdict (全年): how the year stands as a whole.
type Verdict string

// Year verdicts. VerdictMissed is final for the year: some required
// period was missed.
const (
	VerdictDone       Verdict = "done"
	VerdictMissed     Verdict = "missed"
	VerdictArchived   Verdict = "archived"
	VerdictNotStarted Verdict = "not_started"
	VerdictInProgress Verdict = "in_progress"
)

// NowState is a duty's standing in its current period (本期): the required
// period that holds the moment and is not yet over. It is NowNone when
// there is no such period (between periods, before the year, after it,
// after an archive day, or when the current period is excused).
type NowState string

// Now states. The first that applies: NowMet when the period is met;
// NowDueSoon when it ends within its due-soon window; NowBehind when it
// has fewer records than the pace floor(min × elapsed / length), where
// elapsed counts the days from the period's start through the moment's
// day; otherwise NowOnTrack.
const (
	NowNone    NowState = ""
	NowMet     NowState = "met"
	NowDueSoon NowState = "due_soon"
	NowBehind  NowState = "behind"
	NowOnTrack NowState = "on_track"
)

// PeriodResult is one period of a target with its count and state.
type PeriodResult struct {
	Period
	Count  int // records counted in the period (including those given for it later)
	State  PeriodState
	Reason string // why it is excused, when State is Excused
	// Need is what the period requires: the target's minimum, or for a
	// per-person target the minimum times the people required in it.
	Need int
	// Credit is what counts toward Need: min(Count, minimum), or for a
	// per-person target Σ min(records with the person, minimum).
	Credit int
	// People are, for a per-person target, the people required in the
	// period with their records.
	People []PersonCount
}

// Required reports whether the period counts toward the target: it is
// neither excused nor before the start date or after the archive day.
func (p PeriodResult) Required() bool { return p.State != Exempt && p.State != Excused }

// Credit is a record that names the period it was for (所属期间), an
// earlier period of its duty than the one holding its date: it counts
// there and not where it is dated.
type Credit struct {
	Date Date      // the record's real date
	For  PeriodRef // the period it counts for
}

// Excuse is one period of a duty excused with a reason (病休, 上级统一组织,
// 岗位调整…): not required, neither met nor missed.
type Excuse struct {
	DutyID int64
	Period PeriodRef
	Reason string
}

// Tracked is what the evaluation needs of one duty in one year.
type Tracked struct {
	Duty   Duty
	Target Target
	// Dates are the dates of the duty's records that fall in the year's
	// periods, in any order (the caller need not filter them: dates
	// outside the periods or after the moment are ignored). Records that
	// name another period (Credits) are here too when their date falls in
	// the year; Evaluate takes them out of the period holding their date.
	Dates []Date
	// Credits are the duty's records that name a period they count for,
	// either dated in this year's periods or naming one of them. A credit
	// whose period is not a period of the duty's target in that year (its
	// cadence was changed) must be left out, so that it counts where dated.
	Credits []Credit
	// Excuses are the duty's excused periods of this year.
	Excuses []Excuse
	// Group and Talks are, for a per-person target (Target.Each), the
	// members of its group and the duty's records with the people they
	// name; they stand in for Dates and Credits.
	Group []Member
	Talks []NamedRecord
}

// DutyYear is a duty's standing in one year at one moment.
type DutyYear struct {
	Duty     Duty
	Target   Target
	Periods  []PeriodResult
	Done     int // records counted in the year's periods, required or not (before the start date, excused, archived away): what was done
	Required int // Σ minimum over required periods
	Credited int // Σ min(count, minimum) over required periods
	Status   Status
	Verdict  Verdict
	Now      NowState
	// Current is the index in Periods of the required period open at the
	// moment (the one Now is about), or -1 when there is none.
	Current int
	NextDue Date // end of the first unmet required period not yet over; zero if none
	// Coverage is, for a per-person target, who has been reached in the
	// required periods begun at the moment (all of them for a finished
	// year); nil for an ordinary target.
	Coverage *Coverage
}

// CurrentPeriod returns the required period open at the moment, if any.
func (dy DutyYear) CurrentPeriod() (PeriodResult, bool) {
	if dy.Current < 0 || dy.Current >= len(dy.Periods) {
		return PeriodResult{}, false
	}
	return dy.Periods[dy.Current], true
}

// Owed is how many more records the current period needs; 0 when there
// is no current period or it is met.
func (dy DutyYear) Owed() int {
	p, ok := dy.CurrentPeriod()
	if !ok {
		return 0
	}
	return max(p.Need-p.Credit, 0)
}

// Evaluate computes a duty's periods, counts, year verdict, now state and
// status in its target's year at moment m (DESIGN §3, rules version 2):
//
//   - a record counts in the period holding its date, or in the earlier
//     period it names (a Credit), which counts it whenever that period is
//     over at m: the ledger looks back at a period with everything given
//     for it, even in an evaluation as of a day before the record's date;
//   - records dated after m's day do not count where dated;
//   - periods ending before the target's start date are Exempt; so are, for
//     a duty archived on day A (Target.End), the periods starting after A
//     and the period holding A unless it is met;
//   - an excused period is Excused unless it is met: records win;
//   - an unmet required period is Missed when over at m, Open while it
//     holds m, Upcoming before.
func Evaluate(tr Tracked, m Moment) DutyYear {
	t := tr.Target
	ps := Periods(t.Cadence, t.Year)
	res := make([]PeriodResult, len(ps))
	for i, p := range ps {
		res[i].Period = p
	}
	var perPerson [][]int // per period, records with each member
	if t.PerPerson() {
		perPerson = countTalks(tr, res, m)
	}
	for _, d := range tr.Dates {
		if d > m.Day {
			continue
		}
		if i := PeriodIndex(t.Cadence, t.Year, d); i >= 0 {
			res[i].Count++
		}
	}
	for _, c := range tr.Credits {
		if c.Date <= m.Day {
			if i := PeriodIndex(t.Cadence, t.Year, c.Date); i >= 0 && res[i].Count > 0 {
				res[i].Count-- // counted where it is for, not where it is dated
			}
		}
		if c.For.Year == t.Year && c.For.Cadence == t.Cadence && c.For.Index >= 0 && c.For.Index < len(res) &&
			m.Over(res[c.For.Index].Period) {
			res[c.For.Index].Count++
		}
	}
	for _, e := range tr.Excuses {
		if e.Period.Year == t.Year && e.Period.Cadence == t.Cadence && e.Period.Index >= 0 && e.Period.Index < len(res) {
			res[e.Period.Index].State = Excused
			res[e.Period.Index].Reason = e.Reason
		}
	}

	dy := DutyYear{Target: t, Periods: res, Current: -1}
	for i := range res {
		p := &res[i]
		if !t.PerPerson() {
			p.Need, p.Credit = t.Min, min(p.Count, t.Min)
			continue
		}
		held := p.Period
		if t.Start > held.Start && t.Start <= held.End {
			// The officer holds the period from the post start date: a
			// person in the group for at least half of that part is
			// required, so the section staff who joined the officer's
			// charge on that day are.
			held.Start = t.Start
		}
		for j, mb := range tr.Group {
			if mb.RequiredIn(held) {
				n := perPerson[i][j]
				p.People = append(p.People, PersonCount{ID: mb.ID, Label: mb.Label, Count: n})
				p.Need += t.Min
				p.Credit += min(n, t.Min)
			}
		}
	}
	required, allMet, anyMissed, begun := 0, true, false, false
	for i := range res {
		p := &res[i]
		excused := p.State == Excused
		switch {
		case !t.Start.IsZero() && p.End < t.Start:
			p.State, p.Reason = Exempt, "" // another officer's time
			// Not required; what the ledger holds for it (a half-year's
			// report given after taking up the post) was still done, and
			// the year's list of records shows it.
			dy.Done += p.Count
			continue
		case p.Need == 0: // nobody of the group is required in it
			p.State, p.Reason = Exempt, ""
			dy.Done += p.Count
			continue
		case !t.End.IsZero() && p.Start > t.End,
			!t.End.IsZero() && p.Contains(t.End) && p.Credit < p.Need:
			p.State, p.Reason = Exempt, ""
			dy.Done += p.Count // done before the duty was handed over
			continue
		case p.Credit >= p.Need:
			p.State, p.Reason = Met, ""
		case excused:
		case m.Over(p.Period):
			p.State = Missed
		case m.Begun(p.Period):
			p.State = Open
		default:
			p.State = Upcoming
		}
		dy.Done += p.Count
		if p.State == Excused {
			continue
		}
		required++
		dy.Required += p.Need
		dy.Credited += p.Credit
		if max(p.Start, t.Start) <= m.Day {
			begun = true
		}
		if m.Begun(p.Period) && !m.Over(p.Period) && max(p.Start, t.Start) <= m.Day {
			dy.Current = i
		}
		if p.State != Met {
			allMet = false
			if !m.Over(p.Period) && dy.NextDue.IsZero() {
				dy.NextDue = p.End
			}
		}
		anyMissed = anyMissed || p.State == Missed
	}

	switch {
	case required == 0 && !t.End.IsZero():
		dy.Verdict = VerdictArchived
	case required == 0:
		dy.Verdict = VerdictNotStarted
	case allMet:
		dy.Verdict = VerdictDone
	case anyMissed:
		dy.Verdict = VerdictMissed
	case !begun:
		dy.Verdict = VerdictNotStarted
	default:
		dy.Verdict = VerdictInProgress
	}
	if t.PerPerson() {
		dy.Coverage = coverage(tr, res, m)
	}
	dy.Now = nowState(t, dy.Current, res, m)
	dy.Status = statusOf(dy.Verdict, dy.Now)
	return dy
}

func nowState(t Target, current int, res []PeriodResult, m Moment) NowState {
	if current < 0 {
		return NowNone
	}
	p := res[current]
	switch {
	case p.State == Met:
		return NowMet
	case m.DaysLeft(p.Period) <= p.DueSoonDays():
		return NowDueSoon
	}
	// The pace rule of DESIGN §3, as written: elapsed counts the days from
	// the period's start through the moment's day, length the period's days.
	elapsed := int(m.Day-p.Start) + 1
	if p.Credit < p.Need*elapsed/p.Days() {
		return NowBehind
	}
	return NowOnTrack
}

// statusOf is the one-word status: the first that applies of due soon,
// behind, missed, done, archived, on track, not started.
func statusOf(v Verdict, now NowState) Status {
	switch {
	case now == NowDueSoon:
		return DueSoon
	case now == NowBehind:
		return Behind
	case v == VerdictMissed:
		return MissedDuty
	case v == VerdictDone:
		return Done
	case v == VerdictArchived:
		return Archived
	case v == VerdictNotStarted:
		return NotStarted
	}
	return OnTrack
}

// VerdictDiffers reports whether the year verdict says something the
// one-word status hides, so that a screen with room shows both ("临期 ·
// 全年未达标"): the status is about this period and the year is missed.
func (dy DutyYear) VerdictDiffers() bool {
	return dy.Verdict == VerdictMissed && dy.Status != MissedDuty
}

// Figures are the year's totals across duties.
type Figures struct {
	Duties     int
	DueSoon    int
	Behind     int
	Missed     int
	Done       int
	Archived   int
	OnTrack    int
	NotStarted int
	// Owed counts the duties whose current period is open and not yet
	// met: what needs doing now (DueSoon and Behind are among them).
	Owed     int
	Required int
	Credited int
	Rate     float64 // Credited / Required; 0 when nothing is required
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
	case Archived:
		return f.Archived
	case OnTrack:
		return f.OnTrack
	case NotStarted:
		return f.NotStarted
	}
	return 0
}

// YearStatus is the whole year's standing at one moment.
type YearStatus struct {
	Year    int
	At      Moment
	AsOf    Date       // At.Day
	Duties  []DutyYear // by category, then duty id
	Figures Figures
}

// EvaluateYear evaluates every tracked duty of year at m and sums the year
// figures.
func EvaluateYear(year int, m Moment, tracked []Tracked) YearStatus {
	ys := YearStatus{Year: year, At: m, AsOf: m.Day, Duties: make([]DutyYear, 0, len(tracked))}
	for _, tr := range tracked {
		dy := Evaluate(tr, m)
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
		case Archived:
			f.Archived++
		case OnTrack:
			f.OnTrack++
		case NotStarted:
			f.NotStarted++
		}
		if d.Now == NowDueSoon || d.Now == NowBehind || d.Now == NowOnTrack {
			f.Owed++
		}
	}
	if f.Required > 0 {
		f.Rate = float64(f.Credited) / float64(f.Required)
	}
	return f
}

// ReportMoment is the moment an export evaluates year at (DESIGN §3): the
// close of asOf when one is given; otherwise, for a finished year, the
// close of its last day, and for the current or a later year, now.
func ReportMoment(year int, asOf, today Date) Moment {
	switch {
	case !asOf.IsZero():
		return CloseOf(asOf)
	case NewDate(year, 12, 31) < today:
		return CloseOf(NewDate(year, 12, 31))
	}
	return Now(today)
}

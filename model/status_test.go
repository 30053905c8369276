package model

import (
	"strings"
	"testing"
	"time"
)

func d(s string) Date {
	x, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return x
}

func dates(ss ...string) []Date {
	out := make([]Date, len(ss))
	for i, s := range ss {
		out[i] = d(s)
	}
	return out
}

// monthly returns one record on the 10th of each of the given months of year y.
func monthly(y int, months ...int) []Date {
	var out []Date
	for _, m := range months {
		out = append(out, NewDate(y, time.Month(m), 10))
	}
	return out
}

func TestPeriods(t *testing.T) {
	tests := []struct {
		cad        Cadence
		year       int
		n          int
		first      string
		firstEnd   string
		last       string
		lastEnd    string
		wantLength int // days of the first period
	}{
		{Year, 2026, 1, "2026-01-01", "2026-12-31", "2026-01-01", "2026-12-31", 365},
		{Year, 2024, 1, "2024-01-01", "2024-12-31", "2024-01-01", "2024-12-31", 366},
		{Half, 2026, 2, "2026-01-01", "2026-06-30", "2026-07-01", "2026-12-31", 181},
		{Half, 2024, 2, "2024-01-01", "2024-06-30", "2024-07-01", "2024-12-31", 182},
		{Quarter, 2026, 4, "2026-01-01", "2026-03-31", "2026-10-01", "2026-12-31", 90},
		{Quarter, 2024, 4, "2024-01-01", "2024-03-31", "2024-10-01", "2024-12-31", 91},
		{Month, 2026, 12, "2026-01-01", "2026-01-31", "2026-12-01", "2026-12-31", 31},
		// ISO weeks: 2026 begins on a Thursday, so week 1 starts in 2025 and it has 53 weeks.
		{Week, 2026, 53, "2025-12-29", "2026-01-04", "2026-12-28", "2027-01-03", 7},
		// 2027 begins on a Friday: week 1 starts on 4 January; 52 weeks.
		{Week, 2027, 52, "2027-01-04", "2027-01-10", "2027-12-27", "2028-01-02", 7},
		// 2021 begins on a Friday; its last week ends on 2 January 2022.
		{Week, 2021, 52, "2021-01-04", "2021-01-10", "2021-12-27", "2022-01-02", 7},
		// 2020, a leap year beginning on a Wednesday, has 53 weeks.
		{Week, 2020, 53, "2019-12-30", "2020-01-05", "2020-12-28", "2021-01-03", 7},
	}
	for _, tt := range tests {
		t.Run(string(tt.cad)+"-"+d(tt.first).String(), func(t *testing.T) {
			ps := Periods(tt.cad, tt.year)
			if len(ps) != tt.n {
				t.Fatalf("%d periods, want %d", len(ps), tt.n)
			}
			if ps[0].Start != d(tt.first) || ps[0].End != d(tt.firstEnd) {
				t.Errorf("first period %s..%s, want %s..%s", ps[0].Start, ps[0].End, tt.first, tt.firstEnd)
			}
			last := ps[len(ps)-1]
			if last.Start != d(tt.last) || last.End != d(tt.lastEnd) {
				t.Errorf("last period %s..%s, want %s..%s", last.Start, last.End, tt.last, tt.lastEnd)
			}
			if ps[0].Days() != tt.wantLength {
				t.Errorf("first period has %d days, want %d", ps[0].Days(), tt.wantLength)
			}
			// Periods tile the span with no gap or overlap, and PeriodIndex agrees.
			s, e := Span(tt.cad, tt.year)
			if s != ps[0].Start || e != last.End {
				t.Errorf("Span = %s..%s", s, e)
			}
			for i, p := range ps {
				if p.Index != i {
					t.Errorf("period %d has index %d", i, p.Index)
				}
				if i > 0 && p.Start != ps[i-1].End+1 {
					t.Errorf("gap between period %d and %d", i-1, i)
				}
				for x := p.Start; x <= p.End; x++ {
					if got := PeriodIndex(tt.cad, tt.year, x); got != i {
						t.Fatalf("PeriodIndex(%s) = %d, want %d", x, got, i)
					}
				}
			}
			if PeriodIndex(tt.cad, tt.year, s-1) != -1 || PeriodIndex(tt.cad, tt.year, e+1) != -1 {
				t.Errorf("days outside the span are given a period")
			}
		})
	}
}

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name     string
		target   Target
		records  []Date
		asOf     string
		status   Status
		done     int
		required int
		credited int
		states   string // one letter a period: m met, x missed, o open, u upcoming, e excused, - exempt
		nextDue  string
	}{
		// Yearly, pace rule: floor(min × elapsed / length).
		{"year min1 mid-year nothing yet", Target{Year: 2026, Cadence: Year, Min: 1}, nil, "2026-06-30",
			OnTrack, 0, 1, 0, "o", "2026-12-31"},
		{"year min12 on pace", Target{Year: 2026, Cadence: Year, Min: 12},
			monthly(2026, 1, 2, 3, 4, 5), "2026-06-30", OnTrack, 5, 12, 5, "o", "2026-12-31"},
		{"year min12 behind pace", Target{Year: 2026, Cadence: Year, Min: 12},
			monthly(2026, 1, 2, 3, 4), "2026-06-30", Behind, 4, 12, 4, "o", "2026-12-31"},
		{"year min12 on 1 Jan", Target{Year: 2026, Cadence: Year, Min: 12}, nil, "2026-01-01",
			OnTrack, 0, 12, 0, "o", "2026-12-31"},
		{"year min1 1 Dec is not yet due soon", Target{Year: 2026, Cadence: Year, Min: 1}, nil, "2026-12-01",
			OnTrack, 0, 1, 0, "o", "2026-12-31"},
		{"year min1 2 Dec is due soon: a year's last 30 days", Target{Year: 2026, Cadence: Year, Min: 1}, nil, "2026-12-02",
			DueSoon, 0, 1, 0, "o", "2026-12-31"},
		{"year min1 31 Dec now is due soon, not yet missed", Target{Year: 2026, Cadence: Year, Min: 1}, nil, "2026-12-31",
			DueSoon, 0, 1, 0, "o", "2026-12-31"},
		{"year min1 at the close of 31 Dec is missed", Target{Year: 2026, Cadence: Year, Min: 1}, nil, "2026-12-31 close",
			MissedDuty, 0, 1, 0, "x", ""},
		{"year min12 behind pace in December is due soon first", Target{Year: 2026, Cadence: Year, Min: 12},
			monthly(2026, 1, 2, 3, 4, 5, 6, 7, 8, 9), "2026-12-10", DueSoon, 9, 12, 9, "o", "2026-12-31"},
		{"year met", Target{Year: 2026, Cadence: Year, Min: 2}, dates("2026-03-01", "2026-05-01", "2026-05-02"), "2026-06-30",
			Done, 3, 2, 2, "m", ""},
		{"year records after as-of do not count", Target{Year: 2026, Cadence: Year, Min: 1}, dates("2026-07-01"), "2026-06-30",
			OnTrack, 0, 1, 0, "o", "2026-12-31"},
		{"year records of other years do not count", Target{Year: 2026, Cadence: Year, Min: 1}, dates("2025-12-31", "2027-01-01"), "2027-03-01",
			MissedDuty, 0, 1, 0, "x", ""},

		// Monthly.
		{"month all met in December is done", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), "2026-12-15", Done, 12, 12, 12, "mmmmmmmmmmmm", ""},
		{"month current met is on track", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), "2026-11-22", OnTrack, 11, 12, 11, "mmmmmmmmmmmu", "2026-12-31"},
		{"month a gap is missed", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 3), "2026-03-15", MissedDuty, 2, 12, 2, "mxmuuuuuuuuu", "2026-04-30"},
		{"month early in the month", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2), "2026-03-10", OnTrack, 2, 12, 2, "mmouuuuuuuuu", "2026-03-31"},
		{"month 24th: 8 days left is not due soon", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2), "2026-03-24", OnTrack, 2, 12, 2, "mmouuuuuuuuu", "2026-03-31"},
		{"month 25th: the last 7 days are due soon", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2), "2026-03-25", DueSoon, 2, 12, 2, "mmouuuuuuuuu", "2026-03-31"},
		{"month at the close of the 24th is due soon", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2), "2026-03-24 close", DueSoon, 2, 12, 2, "mmouuuuuuuuu", "2026-03-31"},
		{"a missed month does not hide that this month is due soon", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2, 4), "2026-05-27", DueSoon, 3, 12, 3, "mmxmouuuuuuu", "2026-05-31"},
		{"a missed month with this month met is missed", Target{Year: 2026, Cadence: Month, Min: 1},
			monthly(2026, 1, 2, 4, 5), "2026-05-27", MissedDuty, 4, 12, 4, "mmxmmuuuuuuu", "2026-06-30"},
		{"month min2 halfway with none is behind", Target{Year: 2026, Cadence: Month, Min: 2},
			nil, "2026-01-16", Behind, 0, 24, 0, "ouuuuuuuuuuu", "2026-01-31"},
		{"month min2 halfway with one is on track", Target{Year: 2026, Cadence: Month, Min: 2},
			dates("2026-01-02"), "2026-01-16", OnTrack, 1, 24, 1, "ouuuuuuuuuuu", "2026-01-31"},
		{"month surplus is not credited", Target{Year: 2026, Cadence: Month, Min: 1},
			dates("2026-01-02", "2026-01-03", "2026-01-04"), "2026-03-05", MissedDuty, 3, 12, 1, "mxo" + repeat("u", 9), "2026-03-31"},

		// Quarterly and half-yearly.
		{"quarter last day unmet now is due soon", Target{Year: 2026, Cadence: Quarter, Min: 1},
			nil, "2026-03-31", DueSoon, 0, 4, 0, "ouuu", "2026-03-31"},
		{"quarter at the close of its last day is missed", Target{Year: 2026, Cadence: Quarter, Min: 1},
			nil, "2026-03-31 close", MissedDuty, 0, 4, 0, "xuuu", "2026-06-30"},
		{"quarter of 90 days: due soon from its last 22nd day", Target{Year: 2026, Cadence: Quarter, Min: 1},
			nil, "2026-03-10", DueSoon, 0, 4, 0, "ouuu", "2026-03-31"},
		{"quarter of 90 days: not due soon before", Target{Year: 2026, Cadence: Quarter, Min: 2},
			dates("2026-01-05"), "2026-03-09", OnTrack, 1, 8, 1, "ouuu", "2026-03-31"},
		{"quarter min3 behind pace", Target{Year: 2026, Cadence: Quarter, Min: 3},
			dates("2026-01-05"), "2026-03-01", Behind, 1, 12, 1, "ouuu", "2026-03-31"},
		{"quarter next day is missed", Target{Year: 2026, Cadence: Quarter, Min: 1},
			nil, "2026-04-01", MissedDuty, 0, 4, 0, "xouu", "2026-06-30"},
		{"quarter leap February", Target{Year: 2024, Cadence: Quarter, Min: 1},
			dates("2024-02-29"), "2024-03-01", OnTrack, 1, 4, 1, "muuu", "2024-06-30"},
		{"half first met", Target{Year: 2026, Cadence: Half, Min: 1},
			dates("2026-05-20"), "2026-06-30", OnTrack, 1, 2, 1, "mu", "2026-12-31"},
		{"half 30 June unmet now is due soon", Target{Year: 2026, Cadence: Half, Min: 1},
			nil, "2026-06-30", DueSoon, 0, 2, 0, "ou", "2026-06-30"},
		{"half at the close of 30 June is missed", Target{Year: 2026, Cadence: Half, Min: 1},
			nil, "2026-06-30 close", MissedDuty, 0, 2, 0, "xu", "2026-12-31"},
		{"half met at the close of 30 June is on track", Target{Year: 2026, Cadence: Half, Min: 1},
			dates("2026-06-30"), "2026-06-30 close", OnTrack, 1, 2, 1, "mu", "2026-12-31"},
		{"half 1 July unmet first half is missed", Target{Year: 2026, Cadence: Half, Min: 1},
			nil, "2026-07-01", MissedDuty, 0, 2, 0, "xo", "2026-12-31"},

		// ISO weeks at both ends of the year.
		{"week record on 30 Dec 2025 counts in 2026 week 1", Target{Year: 2026, Cadence: Week, Min: 1},
			dates("2025-12-30"), "2026-01-01", OnTrack, 1, 53, 1, "m" + repeat("u", 52), "2026-01-11"},
		{"week record on 2 Jan 2027 counts in 2026 week 53", Target{Year: 2026, Cadence: Week, Min: 1},
			dates("2027-01-02"), "2027-01-02", MissedDuty, 1, 53, 1, repeat("x", 52) + "m", ""},
		{"week 2027 does not count 2 Jan 2027", Target{Year: 2027, Cadence: Week, Min: 1},
			dates("2027-01-02"), "2027-01-02", NotStarted, 0, 52, 0, repeat("u", 52), "2027-01-10"},
		{"week Sunday unmet is due soon: a week's last day", Target{Year: 2026, Cadence: Week, Min: 1},
			nil, "2026-01-04", DueSoon, 0, 53, 0, "o" + repeat("u", 52), "2026-01-04"},
		{"week Saturday unmet is on track", Target{Year: 2026, Cadence: Week, Min: 1},
			nil, "2026-01-03", OnTrack, 0, 53, 0, "o" + repeat("u", 52), "2026-01-04"},
		{"week at the close of Saturday is due soon", Target{Year: 2026, Cadence: Week, Min: 1},
			nil, "2026-01-03 close", DueSoon, 0, 53, 0, "o" + repeat("u", 52), "2026-01-04"},
		{"week Friday unmet is on track", Target{Year: 2026, Cadence: Week, Min: 1},
			nil, "2026-01-02", OnTrack, 0, 53, 0, "o" + repeat("u", 52), "2026-01-04"},
		{"week min2 Saturday with none is behind", Target{Year: 2026, Cadence: Week, Min: 2},
			nil, "2026-01-03", Behind, 0, 106, 0, "o" + repeat("u", 52), "2026-01-04"},
		{"week met with surplus", Target{Year: 2026, Cadence: Week, Min: 2},
			dates("2026-01-02", "2026-01-02", "2026-01-02"), "2026-01-03", OnTrack, 3, 106, 2, "m" + repeat("u", 52), "2026-01-11"},

		// Start date in mid-year.
		{"start July monthly", Target{Year: 2026, Cadence: Month, Min: 1, Start: d("2026-07-15")},
			dates("2026-07-20"), "2026-08-10", OnTrack, 1, 6, 1, "------mouuuu", "2026-08-31"},
		// not required, and not credited, but done: the year's figures
		// count it as the year's list of records shows it
		{"start July early records are not required", Target{Year: 2026, Cadence: Month, Min: 1, Start: d("2026-07-15")},
			dates("2026-02-01"), "2026-08-10", MissedDuty, 1, 6, 0, "------xouuuu", "2026-08-31"},
		{"start July yearly pace counts from the period's start", Target{Year: 2026, Cadence: Year, Min: 12, Start: d("2026-07-01")},
			monthly(2026, 7, 8, 9, 9, 9, 9), "2026-09-30", Behind, 6, 12, 6, "o", "2026-12-31"},
		{"start July yearly on the year's pace", Target{Year: 2026, Cadence: Year, Min: 12, Start: d("2026-07-01")},
			monthly(2026, 7, 7, 7, 8, 8, 8, 9, 9), "2026-09-30", OnTrack, 8, 12, 8, "o", "2026-12-31"},
		{"start July not started before it", Target{Year: 2026, Cadence: Year, Min: 12, Start: d("2026-07-01")},
			nil, "2026-06-30", NotStarted, 0, 12, 0, "o", "2026-12-31"},
		{"archived in August: later months are not required", Target{Year: 2026, Cadence: Month, Min: 1, End: d("2026-08-15")},
			monthly(2026, 1, 2, 3, 4, 5, 6, 7, 8), "2026-11-22", Done, 8, 8, 8, "mmmmmmmm----", ""},
		{"archived in August with July missed", Target{Year: 2026, Cadence: Month, Min: 1, End: d("2026-08-15")},
			monthly(2026, 1, 2, 3, 4, 5, 6, 8), "2026-11-22", MissedDuty, 7, 8, 7, "mmmmmmxm----", ""},
		{"archived yearly duty unmet on the archive day requires nothing", Target{Year: 2026, Cadence: Year, Min: 12, End: d("2026-07-15")},
			monthly(2026, 1, 2, 3, 4, 5, 6), "2026-11-22", Archived, 6, 0, 0, "-", ""},
		{"archived yearly duty with no record, finished year", Target{Year: 2025, Cadence: Year, Min: 1, End: d("2025-11-30")},
			nil, "2025-12-31 close", Archived, 0, 0, 0, "-", ""},
		{"archived yearly duty met before the archive day is done", Target{Year: 2026, Cadence: Year, Min: 1, End: d("2026-07-15")},
			dates("2026-03-01"), "2026-11-22", Done, 1, 1, 1, "m", ""},
		{"archived on the 25th: the month unmet is not required", Target{Year: 2026, Cadence: Month, Min: 1, End: d("2026-03-25")},
			monthly(2026, 1, 2), "2026-11-22", Done, 2, 2, 2, "mm----------", ""},
		{"archived on the 25th with February missed", Target{Year: 2026, Cadence: Month, Min: 1, End: d("2026-03-25")},
			monthly(2026, 1), "2026-11-22", MissedDuty, 1, 2, 1, "mx----------", ""},
		{"archived, evaluated before the archive date", Target{Year: 2026, Cadence: Month, Min: 1, End: d("2026-08-15")},
			monthly(2026, 1, 2, 3), "2026-03-20", OnTrack, 3, 7, 3, "mmmuuuu-----", "2026-04-30"},
		{"weekly start in the next ISO year's first week requires nothing", Target{Year: 2024, Cadence: Week, Min: 1, Start: d("2024-12-30")},
			nil, "2025-01-05", NotStarted, 0, 0, 0, repeat("-", 52), ""},
		{"start later this month is not started", Target{Year: 2026, Cadence: Month, Min: 1, Start: d("2026-12-10")},
			nil, "2026-11-22", NotStarted, 0, 1, 0, "-----------u", "2026-12-31"},

		// Past and future years.
		{"past year all met", Target{Year: 2025, Cadence: Quarter, Min: 1},
			dates("2025-01-05", "2025-04-05", "2025-07-05", "2025-10-05"), "2026-11-22", Done, 4, 4, 4, "mmmm", ""},
		{"past year one short", Target{Year: 2025, Cadence: Quarter, Min: 1},
			dates("2025-01-05", "2025-04-05", "2025-07-05"), "2026-11-22", MissedDuty, 3, 4, 3, "mmmx", ""},
		{"future year", Target{Year: 2027, Cadence: Month, Min: 1},
			nil, "2026-11-22", NotStarted, 0, 12, 0, repeat("u", 12), "2027-01-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(Tracked{Target: tt.target, Dates: tt.records}, at(tt.asOf))
			states := stateLetters(got)
			if got.Status != tt.status {
				t.Errorf("status = %s, want %s", got.Status, tt.status)
			}
			if string(states) != tt.states {
				t.Errorf("states = %s, want %s", states, tt.states)
			}
			if got.Done != tt.done || got.Required != tt.required || got.Credited != tt.credited {
				t.Errorf("done/required/credited = %d/%d/%d, want %d/%d/%d",
					got.Done, got.Required, got.Credited, tt.done, tt.required, tt.credited)
			}
			if got.NextDue.String() != tt.nextDue {
				t.Errorf("next due = %q, want %q", got.NextDue, tt.nextDue)
			}
		})
	}
}

var letter = map[PeriodState]byte{Met: 'm', Missed: 'x', Open: 'o', Upcoming: 'u', Excused: 'e', Exempt: '-'}

func stateLetters(dy DutyYear) string {
	var states []byte
	for _, p := range dy.Periods {
		states = append(states, letter[p.State])
	}
	return string(states)
}

// at reads a moment written "2026-06-30" (during that day, now) or
// "2026-06-30 close" (at its close).
func at(s string) Moment {
	if day, ok := strings.CutSuffix(s, " close"); ok {
		return CloseOf(d(day))
	}
	return Now(d(s))
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestEvaluateYearFigures(t *testing.T) {
	asOf := d("2026-06-30")
	tracked := []Tracked{
		{Duty: Duty{ID: 3, Title: "调研", Category: Research}, Target: Target{Year: 2026, Cadence: Year, Min: 12}, Dates: monthly(2026, 1, 2, 3)},
		{Duty: Duty{ID: 1, Title: "会前学法", Category: Study}, Target: Target{Year: 2026, Cadence: Month, Min: 1},
			Dates: append(monthly(2026, 1, 2, 3, 4, 5, 6), monthly(2026, 6, 6)...)},
		{Duty: Duty{ID: 2, Title: "提醒谈话", Category: Talk}, Target: Target{Year: 2026, Cadence: Year, Min: 1}},
		{Duty: Duty{ID: 4, Title: "报告", Category: Report}, Target: Target{Year: 2026, Cadence: Half, Min: 1}, Dates: dates("2026-06-01")},
		{Duty: Duty{ID: 5, Title: "党课", Category: Lesson}, Target: Target{Year: 2026, Cadence: Quarter, Min: 1}, Dates: dates("2026-05-01")},
	}
	ys := EvaluateYear(2026, Now(asOf), tracked)
	f := ys.Figures
	want := Figures{Duties: 5, Done: 0, Missed: 1, Behind: 1, OnTrack: 3, Owed: 2, Required: 12 + 12 + 1 + 2 + 4, Credited: 3 + 6 + 0 + 1 + 1}
	want.Rate = float64(want.Credited) / float64(want.Required)
	if f != want {
		t.Errorf("figures = %+v\nwant      %+v", f, want)
	}
	var order []string
	for _, dy := range ys.Duties {
		order = append(order, dy.Duty.Title)
	}
	if got := order; got[0] != "会前学法" || got[1] != "提醒谈话" || got[2] != "党课" || got[4] != "调研" {
		t.Errorf("order by category = %v", got)
	}
	if f.Count(Behind) != 1 || f.Count(MissedDuty) != 1 || f.Count(OnTrack) != 3 {
		t.Errorf("Count disagrees with the fields: %+v", f)
	}
	if empty := EvaluateYear(2026, Now(asOf), nil).Figures; empty.Rate != 0 || empty.Duties != 0 {
		t.Errorf("empty year figures = %+v", empty)
	}
}

func TestTargetCheck(t *testing.T) {
	tests := []struct {
		name  string
		t     Target
		field string // "" for valid
	}{
		{"valid", Target{Year: 2026, Cadence: Month, Min: 1}, ""},
		{"start in the year", Target{Year: 2026, Cadence: Month, Min: 1, Start: d("2026-07-15")}, ""},
		{"start in another year", Target{Year: 2026, Cadence: Month, Min: 1, Start: d("2025-07-15")}, "start"},
		{"weekly start after the last ISO week", Target{Year: 2024, Cadence: Week, Min: 1, Start: d("2024-12-30")}, "start"},
		{"weekly start in the last ISO week", Target{Year: 2024, Cadence: Week, Min: 1, Start: d("2024-12-29")}, ""},
		{"year out of range", Target{Year: 1800, Cadence: Month, Min: 1}, "year"},
		{"no cadence", Target{Year: 2026, Min: 1}, "cadence"},
		{"zero minimum", Target{Year: 2026, Cadence: Year}, "min"},
		{"huge minimum", Target{Year: 2026, Cadence: Year, Min: 1001}, "min"},
	}
	for _, tt := range tests {
		err := tt.t.Check()
		if tt.field == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		ie, ok := AsInput(err)
		if !ok || ie.Field != tt.field {
			t.Errorf("%s: error %v, want one about %s", tt.name, err, tt.field)
		}
	}
}

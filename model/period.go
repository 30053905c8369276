package model

import "time"

// Period is one span of a target's year: a week, month, quarter, half-year
// or the whole year. Start and End are both inside it.
type Period struct {
	Index      int // 0-based position in the year
	Start, End Date
}

// Days is the period's length in days.
func (p Period) Days() int { return int(p.End-p.Start) + 1 }

// Contains reports whether d falls in the period.
func (p Period) Contains(d Date) bool { return d >= p.Start && d <= p.End }

// PeriodCount is how many periods of cadence c year y has: 1, 2, 4, 12, or
// the 52 or 53 ISO weeks of ISO year y.
func PeriodCount(c Cadence, y int) int {
	switch c {
	case Week:
		_, w := NewDate(y, time.December, 28).ISOWeek()
		return w
	case Month:
		return 12
	case Quarter:
		return 4
	case Half:
		return 2
	}
	return 1
}

// Periods returns the periods of cadence c in year y, in order. Weeks are
// the ISO weeks of ISO year y, so the first may begin in late December of
// the year before and the last may end in early January of the year after.
func Periods(c Cadence, y int) []Period {
	n := PeriodCount(c, y)
	ps := make([]Period, n)
	if c == Week {
		first := isoWeekOne(y)
		for i := range ps {
			s := first + Date(7*i)
			ps[i] = Period{Index: i, Start: s, End: s + 6}
		}
		return ps
	}
	months := 12 / n
	for i := range ps {
		m := time.Month(1 + i*months)
		last := m + time.Month(months) - 1
		ps[i] = Period{Index: i, Start: NewDate(y, m, 1), End: NewDate(y, last, DaysIn(y, last))}
	}
	return ps
}

// PeriodIndex returns the index of the period of cadence c in year y that
// holds d, or -1 when d falls outside year y's periods.
func PeriodIndex(c Cadence, y int, d Date) int {
	if c == Week {
		wy, w := d.ISOWeek()
		if wy != y {
			return -1
		}
		return w - 1
	}
	dy, m, _ := d.Civil()
	if dy != y {
		return -1
	}
	return (int(m) - 1) / (12 / PeriodCount(c, y))
}

// Span returns the first day of the first period and the last day of the
// last period of cadence c in year y.
func Span(c Cadence, y int) (Date, Date) {
	if c == Week {
		first := isoWeekOne(y)
		return first, first + Date(7*PeriodCount(Week, y)) - 1
	}
	return NewDate(y, time.January, 1), NewDate(y, time.December, 31)
}

// YearSpan is the widest span of year y's periods under any cadence: the
// calendar year widened by the ISO weeks that start in late December or
// end in early January.
func YearSpan(y int) (Date, Date) {
	ws, we := Span(Week, y)
	return min(ws, NewDate(y, time.January, 1)), max(we, NewDate(y, time.December, 31))
}

// isoWeekOne is the Monday of ISO week 1 of year y: the week holding 4 January.
func isoWeekOne(y int) Date {
	jan4 := NewDate(y, time.January, 4)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4 - Date(offset)
}

package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodRef names one period of one year independently of any target: the
// year, its cadence and its 0-based index. It is written 2026, 2026-H1,
// 2026-Q3, 2026-08 or 2026-W05 (DESIGN §5), which is also how it is stored.
// A record's 所属期间 and an excuse name their period this way. The zero
// PeriodRef names no period.
type PeriodRef struct {
	Year    int // the calendar year; for weeks, the ISO year
	Cadence Cadence
	Index   int // 0-based: the month 08 is 7, the week W05 is 4
}

// RefOf returns the reference of period p of cadence c in year.
func RefOf(c Cadence, year int, p Period) PeriodRef {
	return PeriodRef{Year: year, Cadence: c, Index: p.Index}
}

// IsZero reports whether r names no period.
func (r PeriodRef) IsZero() bool { return r == PeriodRef{} }

// Valid reports whether r names a period that exists: a known cadence, a
// year taizhang accepts and an index within that year's periods.
func (r PeriodRef) Valid() bool {
	return r.Cadence.Valid() && ValidYear(r.Year) && r.Index >= 0 && r.Index < PeriodCount(r.Cadence, r.Year)
}

// Period returns the span r names. r must be Valid.
func (r PeriodRef) Period() Period { return Periods(r.Cadence, r.Year)[r.Index] }

// Holding returns the reference of the period of cadence c that holds d:
// for weeks, the ISO week and its ISO year.
func Holding(c Cadence, d Date) PeriodRef {
	y := d.Year()
	if c == Week {
		y, _ = d.ISOWeek()
	}
	return PeriodRef{Year: y, Cadence: c, Index: PeriodIndex(c, y, d)}
}

// String writes r as it is typed and stored: 2026, 2026-H1, 2026-Q3,
// 2026-08, 2026-W05; "" for the zero PeriodRef.
func (r PeriodRef) String() string {
	switch r.Cadence {
	case Week:
		return fmt.Sprintf("%04d-W%02d", r.Year, r.Index+1)
	case Month:
		return fmt.Sprintf("%04d-%02d", r.Year, r.Index+1)
	case Quarter:
		return fmt.Sprintf("%04d-Q%d", r.Year, r.Index+1)
	case Half:
		return fmt.Sprintf("%04d-H%d", r.Year, r.Index+1)
	case Year:
		return fmt.Sprintf("%04d", r.Year)
	}
	return ""
}

// Label names r with its year as people say it: 2026年下半年, 2026年8月,
// 2026年三季度, 2026年第5周, 2026年; 2026 H2, Aug 2026, 2026 Q3, 2026 W05, 2026.
func (r PeriodRef) Label(lang Lang) string {
	if !r.Valid() {
		return r.String()
	}
	if lang == English {
		switch r.Cadence {
		case Year:
			return fmt.Sprint(r.Year)
		case Month:
			return fmt.Sprintf("%s %d", time.Month(r.Index + 1).String()[:3], r.Year)
		}
		return fmt.Sprintf("%d %s", r.Year, r.Cadence.Label(Period{Index: r.Index}, English))
	}
	if r.Cadence == Year {
		return fmt.Sprintf("%d年", r.Year)
	}
	return fmt.Sprintf("%d年%s", r.Year, r.Cadence.Label(Period{Index: r.Index}, Chinese))
}

// ParsePeriodRef reads a period written 2026, 2026-H1, 2026-Q3, 2026-08 or
// 2026-W05 (letters in either case, W5 as well as W05), or in Chinese:
// 2026年, 2026年全年, 2026年上半年, 2026年下半年, 2026年8月, 2026年第3季度,
// 2026年三季度, 2026年第5周. It refuses a period that does not exist, such
// as 2026-13 or 2027-W53, with an InputError.
func ParsePeriodRef(s string) (PeriodRef, error) {
	in := strings.TrimSpace(s)
	r, ok := parseRef(strings.ToUpper(strings.ReplaceAll(in, " ", "")))
	if !ok {
		return PeriodRef{}, RefuseField("period", ErrBadPeriod, KindPeriodUnknown, clip(in))
	}
	if !r.Valid() {
		return PeriodRef{}, RefuseField("period", ErrBadPeriod, KindPeriodMissing, clip(in), r.Year, PeriodCount(r.Cadence, r.Year), PeriodUnit(r.Cadence))
	}
	return r, nil
}

// ErrBadPeriod is wrapped by every error about a period that cannot be
// read or does not exist.
var ErrBadPeriod = fmt.Errorf("bad period")

var (
	unitZh = map[Cadence]string{Week: "周", Month: "月", Quarter: "季度", Half: "半年", Year: "年度"}
	unitEn = map[Cadence]string{Week: "weeks", Month: "months", Quarter: "quarters", Half: "half-years", Year: "years"}
)

// PeriodUnit is a cadence's periods counted (周, months), for a message
// that says how many a year has.
type PeriodUnit Cadence

// Name is the unit in lang.
func (u PeriodUnit) Name(lang Lang) string {
	if lang == English {
		return unitEn[Cadence(u)]
	}
	return unitZh[Cadence(u)]
}

var zhQuarter = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

// parseRef reads an upper-cased period without spaces; the index it
// returns may be out of range (Valid tells).
func parseRef(s string) (PeriodRef, bool) {
	if len(s) < 4 {
		return PeriodRef{}, false
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || s[0] == '+' || s[0] == '-' {
		return PeriodRef{}, false
	}
	rest := s[4:]
	num := func(x string, maxDigits int) (int, bool) {
		if x == "" || len(x) > maxDigits {
			return 0, false
		}
		n := 0
		for i := 0; i < len(x); i++ {
			if x[i] < '0' || x[i] > '9' {
				return 0, false
			}
			n = n*10 + int(x[i]-'0')
		}
		return n, true
	}
	ref := func(c Cadence, n int) (PeriodRef, bool) { return PeriodRef{Year: y, Cadence: c, Index: n - 1}, true }
	if zh, ok := strings.CutPrefix(rest, "年"); ok {
		switch {
		case zh == "" || zh == "度" || zh == "全年":
			return ref(Year, 1)
		case zh == "上半年":
			return ref(Half, 1)
		case zh == "下半年":
			return ref(Half, 2)
		}
		if m, ok := strings.CutSuffix(zh, "月"); ok {
			if n, ok := num(m, 2); ok {
				return ref(Month, n)
			}
			return PeriodRef{}, false
		}
		if q, ok := strings.CutSuffix(zh, "季度"); ok {
			q = strings.TrimPrefix(q, "第")
			if n, ok := zhQuarter[q]; ok {
				return ref(Quarter, n)
			}
			if n, ok := num(q, 1); ok {
				return ref(Quarter, n)
			}
			return PeriodRef{}, false
		}
		if w, ok := strings.CutSuffix(zh, "周"); ok {
			if n, ok := num(strings.TrimPrefix(w, "第"), 2); ok {
				return ref(Week, n)
			}
		}
		return PeriodRef{}, false
	}
	if rest == "" {
		return ref(Year, 1)
	}
	rest, ok := strings.CutPrefix(rest, "-")
	if !ok || rest == "" {
		return PeriodRef{}, false
	}
	switch rest[0] {
	case 'H':
		if n, ok := num(rest[1:], 1); ok {
			return ref(Half, n)
		}
	case 'Q':
		if n, ok := num(rest[1:], 1); ok {
			return ref(Quarter, n)
		}
	case 'W':
		if n, ok := num(rest[1:], 2); ok {
			return ref(Week, n)
		}
	default:
		if n, ok := num(rest, 2); ok {
			return ref(Month, n)
		}
	}
	return PeriodRef{}, false
}

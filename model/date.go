package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date without a time of day or a zone: the number of days
// since 0001-01-00, so that 0001-01-01 is 1 and the zero Date means "no date".
// Dates compare with < and subtract to a count of days.
type Date int32

// unixEpoch is the Date of 1970-01-01.
const unixEpoch Date = 719163

// Year bounds accepted anywhere a user gives a year or a date.
const (
	MinYear = 1900
	MaxYear = 2999
)

// ErrBadDate is wrapped by every date parsing error.
var ErrBadDate = errors.New("bad date")

// NewDate returns the Date of y-m-d. Out-of-range months and days roll
// over as time.Date does; use ParseDate for user input.
func NewDate(y int, m time.Month, d int) Date {
	if m < 1 || m > 12 || d < 1 || d > 28 {
		return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	}
	return fromCivil(y, int(m), d)
}

// fromCivil counts days with the proleptic Gregorian calendar's arithmetic
// (years start in March so the leap day comes last), which is much faster
// than going through time.Date for the thousands of dates a year's status
// reads.
func fromCivil(y, m, d int) Date {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Date(era*146097+doe-719468) + unixEpoch
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if d <= 28 {
		return fromCivil(y, int(m), d)
	}
	u := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	return Date(u/86400) + unixEpoch
}

// Today is the local calendar date now.
func Today() Date { return DateOf(time.Now()) }

// Time returns midnight UTC of d.
func (d Date) Time() time.Time {
	return time.Unix(int64(d-unixEpoch)*86400, 0).UTC()
}

// IsZero reports whether d is the zero "no date" value.
func (d Date) IsZero() bool { return d == 0 }

// Civil returns year, month and day.
func (d Date) Civil() (int, time.Month, int) {
	z := int(d-unixEpoch) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, time.Month(m), day
}

// Year returns the calendar year of d.
func (d Date) Year() int { y, _, _ := d.Civil(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.Civil(); return m }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 0001-01-01 (Date 1) was a Monday.
	return time.Weekday((int(d) + 0) % 7)
}

// ISOWeek returns the ISO 8601 year and week of d.
func (d Date) ISOWeek() (year, week int) { return d.Time().ISOWeek() }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// ParseDate reads a date written YYYY-MM-DD (also accepting single-digit
// month and day, / or . as separators, 2026年4月1日, and spaces around it,
// as people type them) and refuses
// dates that do not exist, such as 2026-02-30, and years outside
// MinYear..MaxYear.
func ParseDate(s string) (Date, error) {
	y, m, d, ok := SplitDate(s)
	if !ok {
		return 0, fmt.Errorf("%w: %q is not written YYYY-MM-DD", ErrBadDate, clip(s))
	}
	if y < MinYear || y > MaxYear {
		return 0, fmt.Errorf("%w: year %d is outside %d-%d", ErrBadDate, y, MinYear, MaxYear)
	}
	if m < 1 || m > 12 || d < 1 || d > DaysIn(y, time.Month(m)) {
		return 0, fmt.Errorf("%w: %04d-%02d-%02d does not exist", ErrBadDate, y, m, d)
	}
	return NewDate(y, time.Month(m), d), nil
}

// SplitDate reads the numbers of a date written Y-M-D (one separator of
// '-', '/' or '.') or Y年M月D日 (日 or 号), spaces around it ignored,
// without checking that the date exists.
func SplitDate(s string) (y, m, d int, ok bool) {
	s = strings.TrimSpace(s)
	if rest, found := strings.CutSuffix(s, "日"); found {
		s = chineseDate(rest)
	} else if rest, found := strings.CutSuffix(s, "号"); found {
		s = chineseDate(rest)
	}
	var parts [3]int
	var digits [3]int
	i, sep := 0, byte(0)
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c >= '0' && c <= '9':
			if digits[i] >= 4 {
				return 0, 0, 0, false
			}
			parts[i] = parts[i]*10 + int(c-'0')
			digits[i]++
		case c == '-' || c == '/' || c == '.':
			if sep == 0 {
				sep = c
			}
			if c != sep || i == 2 || digits[i] == 0 {
				return 0, 0, 0, false
			}
			i++
		default:
			return 0, 0, 0, false
		}
	}
	if i != 2 || digits[0] != 4 || digits[1] > 2 || digits[2] == 0 || digits[2] > 2 {
		return 0, 0, 0, false
	}
	return parts[0], parts[1], parts[2], true
}

// chineseDate turns 2026年4月1 (the 日 taken off) into 2026-4-1, spaces
// dropped; anything else into "", which no date reads as.
func chineseDate(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	y, rest, ok := strings.Cut(s, "年")
	if !ok {
		return ""
	}
	m, d, ok := strings.Cut(rest, "月")
	if !ok || strings.ContainsAny(y+m+d, "-/.年月") {
		return ""
	}
	return y + "-" + m + "-" + d
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if IsLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// IsLeap reports whether y is a Gregorian leap year.
func IsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// ValidYear reports whether y is a year taizhang accepts.
func ValidYear(y int) bool { return y >= MinYear && y <= MaxYear }

// clip shortens s for an error message and keeps it printable.
func clip(s string) string {
	s = CleanLine(s)
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "..."
	}
	return s
}

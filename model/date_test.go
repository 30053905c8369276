package model

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2026-01-01", "2026-01-01", true},
		{"2026-1-5", "2026-01-05", true},
		{"2026/03/07", "2026-03-07", true},
		{"2026.12.31", "2026-12-31", true},
		{"2024-02-29", "2024-02-29", true},
		{"2000-02-29", "2000-02-29", true},
		{"2025-02-29", "", false},
		{"1900-02-29", "", false},
		{"2026-02-30", "", false},
		{"2026-04-31", "", false},
		{"2026-13-01", "", false},
		{"2026-00-10", "", false},
		{"2026-01-00", "", false},
		{"2026-01", "", false},
		{"2026-01-01-01", "", false},
		{"2026/01-01", "", false},
		{"26-01-01", "", false},
		{"20261-01-01", "", false},
		{"1899-12-31", "", false},
		{"3000-01-01", "", false},
		{"", "", false},
		{" 2026-01-01", "2026-01-01", true},
		{" 2026-04-01 ", "2026-04-01", true},
		{"2026年4月1日", "2026-04-01", true},
		{"2026年04月01日", "2026-04-01", true},
		{" 2026 年 4 月 1 日 ", "2026-04-01", true},
		{"2026年4月1号", "2026-04-01", true},
		{"2026年4月31日", "", false},
		{"2026年4月1", "", false},
		{"2026年4月日", "", false},
		{"2026月4年1日", "", false},
		{"2026年4-1日", "", false},
		{"26年4月1日", "", false},
		{"2026 -01-01", "", false},
		{"２０２６-01-01", "", false},
		{"2026-001-01", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if tt.ok != (err == nil) {
				t.Fatalf("ParseDate(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if err != nil {
				if !errors.Is(err, ErrBadDate) {
					t.Errorf("error %v does not wrap ErrBadDate", err)
				}
				return
			}
			if d.String() != tt.want {
				t.Errorf("ParseDate(%q) = %s, want %s", tt.in, d, tt.want)
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := NewDate(2026, time.March, 1)
	if got := d.AddDays(-1).String(); got != "2026-02-28" {
		t.Errorf("day before 2026-03-01 = %s", got)
	}
	if got := NewDate(2024, time.March, 1).AddDays(-1).String(); got != "2024-02-29" {
		t.Errorf("day before 2024-03-01 = %s", got)
	}
	if n := NewDate(2027, 1, 1) - NewDate(2026, 1, 1); n != 365 {
		t.Errorf("days in 2026 = %d", n)
	}
	if n := NewDate(2025, 1, 1) - NewDate(2024, 1, 1); n != 366 {
		t.Errorf("days in 2024 = %d", n)
	}
	var zero Date
	if !zero.IsZero() || zero.String() != "" {
		t.Errorf("zero date = %q", zero.String())
	}
	if NewDate(1, 1, 1) != 1 {
		t.Errorf("0001-01-01 = %d, want 1", NewDate(1, 1, 1))
	}
	// Every weekday agrees with the time package over a few years.
	for x := NewDate(2023, 1, 1); x < NewDate(2029, 1, 1); x++ {
		if x.Weekday() != x.Time().Weekday() {
			t.Fatalf("%s weekday %v, time says %v", x, x.Weekday(), x.Time().Weekday())
		}
		if DateOf(x.Time()) != x {
			t.Fatalf("%s does not round-trip through time.Time", x)
		}
	}
}

func TestDateOfUsesLocalCalendar(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	// 23:30 UTC on 31 Dec is already 1 Jan in Beijing.
	tm := time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC).In(shanghai)
	if got := DateOf(tm).String(); got != "2026-01-01" {
		t.Errorf("DateOf = %s, want 2026-01-01", got)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-01", "2024-02-29", "2026-02-30", "2026/1/1", "", "9999-99-99", "2026-01-0\x00", "2026年4月1日", " 2026-04-01 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("%q parsed to %s, which does not parse back (%v)", s, d, err)
		}
		if !ValidYear(d.Year()) {
			t.Fatalf("%q parsed to out-of-range %s", s, d)
		}
	})
}

// The calendar arithmetic agrees with the time package on every day of
// several centuries, leap days and century years included.
func TestCivilArithmeticAgreesWithTime(t *testing.T) {
	start := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 365*210; i++ {
		tm := start.AddDate(0, 0, i)
		y, m, dd := tm.Date()
		d := NewDate(y, m, dd)
		if got := d.Time(); !got.Equal(tm) {
			t.Fatalf("NewDate(%d, %d, %d) = %s", y, m, dd, got)
		}
		if gy, gm, gd := d.Civil(); gy != y || gm != m || gd != dd {
			t.Fatalf("%s.Civil() = %d-%d-%d", tm.Format("2006-01-02"), gy, gm, gd)
		}
		if DateOf(tm) != d {
			t.Fatalf("DateOf(%s) = %s", tm.Format("2006-01-02"), DateOf(tm))
		}
	}
	if NewDate(2026, 13, 1).String() != "2027-01-01" || NewDate(2026, 2, 29).String() != "2026-03-01" {
		t.Error("out-of-range parts do not roll over as time.Date does")
	}
}

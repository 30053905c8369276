package model

import (
	"errors"
	"testing"
)

func TestParsePeriodRef(t *testing.T) {
	tests := []struct {
		in   string
		want string // the reference written back; "" when refused
	}{
		{"2026", "2026"},
		{"2026年", "2026"},
		{"2026年全年", "2026"},
		{"2026年度", "2026"},
		{"2026-H1", "2026-H1"},
		{"2026-h2", "2026-H2"},
		{"2026年上半年", "2026-H1"},
		{"2026年下半年", "2026-H2"},
		{" 2026 - Q3 ", "2026-Q3"},
		{"2026年第3季度", "2026-Q3"},
		{"2026年三季度", "2026-Q3"},
		{"2026年第四季度", "2026-Q4"},
		{"2026-08", "2026-08"},
		{"2026-8", "2026-08"},
		{"2026年8月", "2026-08"},
		{"2026年12月", "2026-12"},
		{"2026-W05", "2026-W05"},
		{"2026-w5", "2026-W05"},
		{"2026年第5周", "2026-W05"},
		{"2026-W53", "2026-W53"}, // 2026 has 53 ISO weeks
		{"2027-W53", ""},         // 2027 has 52
		{"2026-13", ""},
		{"2026-00", ""},
		{"2026-Q5", ""},
		{"2026-H3", ""},
		{"2026年13月", ""},
		{"2026年第五季度", ""},
		{"26-H1", ""},
		{"2026-", ""},
		{"2026-X1", ""},
		{"1800", ""},
		{"", ""},
		{"上半年", ""},
		{"2026-H1x", ""},
	}
	for _, tt := range tests {
		r, err := ParsePeriodRef(tt.in)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("ParsePeriodRef(%q) = %s, want a refusal", tt.in, r)
		case tt.want == "" && !errors.Is(err, ErrBadPeriod):
			t.Errorf("ParsePeriodRef(%q): error %v does not wrap ErrBadPeriod", tt.in, err)
		case tt.want != "" && err != nil:
			t.Errorf("ParsePeriodRef(%q): %v", tt.in, err)
		case tt.want != "" && r.String() != tt.want:
			t.Errorf("ParsePeriodRef(%q) = %s, want %s", tt.in, r, tt.want)
		}
	}
}

func TestPeriodRefLabel(t *testing.T) {
	for _, tt := range []struct{ ref, zh, en string }{
		{"2026", "2026年", "2026"},
		{"2026-H2", "2026年下半年", "2026 H2"},
		{"2026-Q3", "2026年三季度", "2026 Q3"},
		{"2026-08", "2026年8月", "Aug 2026"},
		{"2026-W05", "2026年第5周", "2026 W05"},
	} {
		r, err := ParsePeriodRef(tt.ref)
		if err != nil {
			t.Fatal(err)
		}
		if r.Label(Chinese) != tt.zh || r.Label(English) != tt.en {
			t.Errorf("%s: %q %q, want %q %q", tt.ref, r.Label(Chinese), r.Label(English), tt.zh, tt.en)
		}
	}
}

func TestHolding(t *testing.T) {
	for _, tt := range []struct {
		c    Cadence
		day  string
		want string
	}{
		{Week, "2027-01-02", "2026-W53"}, // the last ISO week of 2026 ends on 3 January 2027
		{Week, "2025-12-29", "2026-W01"},
		{Week, "2027-01-04", "2027-W01"},
		{Month, "2026-08-31", "2026-08"},
		{Quarter, "2026-07-01", "2026-Q3"},
		{Half, "2026-06-30", "2026-H1"},
		{Year, "2026-12-31", "2026"},
	} {
		if got := Holding(tt.c, d(tt.day)).String(); got != tt.want {
			t.Errorf("Holding(%s, %s) = %s, want %s", tt.c, tt.day, got, tt.want)
		}
	}
}

func TestDueSoonDays(t *testing.T) {
	for _, tt := range []struct {
		ref  string
		want int
	}{
		{"2026-W10", 1}, {"2026-02", 7}, {"2026-03", 7}, {"2026-Q1", 22}, {"2026-Q3", 23},
		{"2026-H1", 30}, {"2026", 30},
	} {
		r, _ := ParsePeriodRef(tt.ref)
		if got := r.Period().DueSoonDays(); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.ref, got, tt.want)
		}
	}
}

// The period ending on the as-of day: still open during that day (status,
// the app), over and judged at its close (--as-of, exports).
func TestMomentOnThePeriodsLastDay(t *testing.T) {
	tests := []struct {
		name    string
		target  Target
		dates   []Date
		m       Moment
		verdict Verdict
		now     NowState
		status  Status
		states  string
	}{
		{"half unmet, during 30 June", Target{Year: 2025, Cadence: Half, Min: 1}, nil, Now(d("2025-06-30")),
			VerdictInProgress, NowDueSoon, DueSoon, "ou"},
		{"half unmet, at the close of 30 June", Target{Year: 2025, Cadence: Half, Min: 1}, nil, CloseOf(d("2025-06-30")),
			VerdictMissed, NowNone, MissedDuty, "xu"},
		{"yearly 12, nine done, during 31 December", Target{Year: 2025, Cadence: Year, Min: 12}, monthly(2025, 1, 2, 3, 4, 5, 6, 7, 8, 9),
			Now(d("2025-12-31")), VerdictInProgress, NowDueSoon, DueSoon, "o"},
		{"yearly 12, nine done, at the close of 31 December", Target{Year: 2025, Cadence: Year, Min: 12}, monthly(2025, 1, 2, 3, 4, 5, 6, 7, 8, 9),
			CloseOf(d("2025-12-31")), VerdictMissed, NowNone, MissedDuty, "x"},
		{"monthly met through June, at the close of 30 June", Target{Year: 2025, Cadence: Month, Min: 1}, monthly(2025, 1, 2, 3, 4, 5, 6),
			CloseOf(d("2025-06-30")), VerdictInProgress, NowNone, OnTrack, "mmmmmmuuuuuu"},
		{"monthly all met, at the close of the year", Target{Year: 2025, Cadence: Month, Min: 1}, monthly(2025, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
			CloseOf(d("2025-12-31")), VerdictDone, NowNone, Done, "mmmmmmmmmmmm"},
		{"a record on the last day counts at its close", Target{Year: 2025, Cadence: Half, Min: 1}, dates("2025-06-30"),
			CloseOf(d("2025-06-30")), VerdictInProgress, NowNone, OnTrack, "mu"},
		{"missed March and this month due soon: both shown", Target{Year: 2026, Cadence: Month, Min: 1}, monthly(2026, 1, 2, 4),
			Now(d("2026-05-28")), VerdictMissed, NowDueSoon, DueSoon, "mmxmouuuuuuu"},
		{"missed March, this month behind", Target{Year: 2026, Cadence: Month, Min: 4}, append(monthly(2026, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4), d("2026-05-02")),
			Now(d("2026-05-20")), VerdictMissed, NowBehind, Behind, "mmxmouuuuuuu"},
		{"not started before the year", Target{Year: 2027, Cadence: Month, Min: 1}, nil, Now(d("2026-12-20")),
			VerdictNotStarted, NowNone, NotStarted, "uuuuuuuuuuuu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dy := Evaluate(Tracked{Target: tt.target, Dates: tt.dates}, tt.m)
			if dy.Verdict != tt.verdict || dy.Now != tt.now || dy.Status != tt.status || stateLetters(dy) != tt.states {
				t.Errorf("verdict %s now %q status %s states %s; want %s %q %s %s",
					dy.Verdict, dy.Now, dy.Status, stateLetters(dy), tt.verdict, tt.now, tt.status, tt.states)
			}
			if want := tt.verdict == VerdictMissed && tt.status != MissedDuty; dy.VerdictDiffers() != want {
				t.Errorf("VerdictDiffers = %v", dy.VerdictDiffers())
			}
		})
	}
	dy := Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Month, Min: 1}, Dates: monthly(2026, 1, 2, 4)}, Now(d("2026-05-28")))
	if got := dy.Badge(Chinese); got != "临期 · 全年未达标" {
		t.Errorf("badge %q", got)
	}
	if got := dy.Badge(English); got != "due soon · year missed" {
		t.Errorf("badge %q", got)
	}
	if p, ok := dy.CurrentPeriod(); !ok || p.Index != 4 || dy.Owed() != 1 {
		t.Errorf("current %+v %v, owed %d", p, ok, dy.Owed())
	}
}

// A record names the earlier period it was for (所属期间) and counts there,
// in that period's year only.
func TestCredits(t *testing.T) {
	h2, _ := ParsePeriodRef("2026-H2")
	h1, _ := ParsePeriodRef("2026-H1")
	report2026 := Target{Year: 2026, Cadence: Half, Min: 1}
	report2027 := Target{Year: 2027, Cadence: Half, Min: 1}
	yearEnd := Credit{Date: d("2027-01-10"), For: h2}
	midYear := Credit{Date: d("2026-07-08"), For: h1}
	tests := []struct {
		name   string
		tr     Tracked
		m      Moment
		states string
		done   int
		status Status
	}{
		{"last year's 下半年, dated 10 January, counts in last year", Tracked{Target: report2026, Dates: dates("2026-07-08"),
			Credits: []Credit{midYear, yearEnd}}, Now(d("2027-01-15")), "mm", 2, Done},
		{"and not in the year of its date", Tracked{Target: report2027, Dates: dates("2027-01-10"),
			Credits: []Credit{yearEnd}}, Now(d("2027-01-15")), "ou", 0, OnTrack},
		{"the finished year's export at the close of 31 December counts it", Tracked{Target: report2026, Dates: dates("2026-07-08"),
			Credits: []Credit{midYear, yearEnd}}, CloseOf(d("2026-12-31")), "mm", 2, Done},
		{"the mid-year report given on 8 July counts in 上半年, not 下半年", Tracked{Target: report2026, Dates: dates("2026-07-08"),
			Credits: []Credit{midYear}}, Now(d("2026-07-20")), "mo", 1, OnTrack},
		{"as of 30 June, the report given for it later counts", Tracked{Target: report2026, Dates: dates("2026-07-08"),
			Credits: []Credit{midYear}}, CloseOf(d("2026-06-30")), "mu", 1, OnTrack},
		{"without its 所属期间 the report counts where dated", Tracked{Target: report2026, Dates: dates("2026-07-08")},
			Now(d("2026-07-20")), "xm", 1, MissedDuty},
		{"a credit for another cadence is ignored", Tracked{Target: Target{Year: 2026, Cadence: Quarter, Min: 1},
			Dates: dates("2026-01-05"), Credits: []Credit{{Date: d("2026-01-05"), For: PeriodRef{Year: 2025, Cadence: Half, Index: 1}}}},
			Now(d("2026-02-01")), "ouuu", 0, OnTrack},
		{"weekly across the turn of the year: 5 January for 2026-W53", Tracked{Target: Target{Year: 2026, Cadence: Week, Min: 1},
			Credits: []Credit{{Date: d("2027-01-05"), For: PeriodRef{Year: 2026, Cadence: Week, Index: 52}}}},
			Now(d("2027-01-06")), repeat("x", 52) + "m", 1, MissedDuty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dy := Evaluate(tt.tr, tt.m)
			if stateLetters(dy) != tt.states || dy.Done != tt.done || dy.Status != tt.status {
				t.Errorf("states %s done %d status %s; want %s %d %s", stateLetters(dy), dy.Done, dy.Status, tt.states, tt.done, tt.status)
			}
		})
	}
}

func TestCheckFor(t *testing.T) {
	half := Target{Year: 2026, Cadence: Half, Min: 1}
	week := Target{Year: 2026, Cadence: Week, Min: 1}
	tests := []struct {
		name  string
		ref   string
		date  string
		t     Target
		found bool
		want  string // the reference kept; "-" for a refusal
		err   error
	}{
		{"the year-end report in January", "2026-H2", "2027-01-10", half, true, "2026-H2", nil},
		{"the mid-year report in July", "2026年上半年", "2026-07-08", half, true, "2026-H1", nil},
		{"60 days after is still allowed", "2026-H1", "2026-08-29", half, true, "2026-H1", nil},
		{"61 days after is refused", "2026-H1", "2026-08-30", half, true, "-", ErrForTooOld},
		{"the period of the date needs no naming", "2026-H2", "2026-07-08", half, true, "", nil},
		{"a later period is refused", "2026-H2", "2026-06-20", half, true, "-", ErrForNotEnded},
		{"another cadence is refused", "2026-Q2", "2026-07-08", half, true, "-", ErrForCadence},
		{"no target that year", "2025-H2", "2026-01-10", half, false, "-", ErrNoTarget},
		{"last ISO week of 2026 from 5 January 2027", "2026-W53", "2027-01-05", week, true, "2026-W53", nil},
		{"ISO week holding the date", "2026-W53", "2027-01-02", week, true, "", nil},
	}
	for _, tt := range tests {
		ref, err := ParsePeriodRef(tt.ref)
		if err != nil {
			t.Fatal(err)
		}
		got, err := CheckFor(ref, d(tt.date), tt.t, tt.found)
		switch {
		case tt.want == "-":
			if _, ok := AsInput(err); !ok || !errors.Is(err, tt.err) {
				t.Errorf("%s: error %v, want an input error wrapping %v", tt.name, err, tt.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case got.String() != tt.want:
			t.Errorf("%s: kept %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestExcuses(t *testing.T) {
	monthly1 := Target{Year: 2026, Cadence: Month, Min: 1}
	aug, _ := ParsePeriodRef("2026-08")
	// August excused: neither met nor missed, not required.
	tr := Tracked{Target: monthly1, Dates: monthly(2026, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12),
		Excuses: []Excuse{{Period: aug, Reason: "病休"}}}
	dy := Evaluate(tr, CloseOf(d("2026-12-31")))
	if stateLetters(dy) != "mmmmmmmemmmm" || dy.Status != Done || dy.Required != 11 || dy.Credited != 11 {
		t.Errorf("excused August: %s %s %d/%d", stateLetters(dy), dy.Status, dy.Credited, dy.Required)
	}
	if ex := dy.Excused(); len(ex) != 1 || ex[0].Reason != "病休" || ex[0].Index != 7 {
		t.Errorf("excused list %+v", ex)
	}
	// The current month excused: nothing due now.
	tr = Tracked{Target: monthly1, Dates: monthly(2026, 1, 2, 3, 4, 5, 6, 7), Excuses: []Excuse{{Period: aug, Reason: "病休"}}}
	dy = Evaluate(tr, Now(d("2026-08-28")))
	if dy.Now != NowNone || dy.Status != OnTrack || dy.NextDue != d("2026-09-30") {
		t.Errorf("excused current month: now %q status %s next %s", dy.Now, dy.Status, dy.NextDue)
	}
	// Records win over an excuse: a met period is met.
	tr.Dates = append(tr.Dates, d("2026-08-03"))
	if dy = Evaluate(tr, Now(d("2026-08-28"))); stateLetters(dy)[7] != 'm' || len(dy.Excused()) != 0 {
		t.Errorf("met August with an excuse: %s", stateLetters(dy))
	}

	now := Evaluate(Tracked{Target: monthly1, Dates: monthly(2026, 1, 2)}, Now(d("2026-03-20")))
	ref := func(s string) PeriodRef { r, _ := ParsePeriodRef(s); return r }
	tests := []struct {
		name   string
		dy     DutyYear
		ref    PeriodRef
		reason string
		err    error // nil for accepted
	}{
		{"open month", now, ref("2026-03"), "病休", nil},
		{"upcoming month", now, ref("2026-06"), "上级统一组织", nil},
		{"a met period is refused", now, ref("2026-02"), "病休", ErrExcuseMet},
		{"no reason", now, ref("2026-03"), "  ", ErrExcuseReason},
		{"another cadence", now, ref("2026-Q1"), "病休", ErrNoSuchPeriod},
		{"another year", now, ref("2025-03"), "病休", ErrNoSuchPeriod},
		{"before the start date", Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Month, Min: 1, Start: d("2026-07-01")}}, Now(d("2026-08-01"))),
			ref("2026-03"), "岗位调整", ErrNotRequired},
	}
	for _, tt := range tests {
		e, err := CheckExcuse(tt.dy, tt.ref, tt.reason)
		switch {
		case tt.err == nil && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.err == nil && (e.Period != tt.ref || e.Reason == ""):
			t.Errorf("%s: excuse %+v", tt.name, e)
		case tt.err != nil && !errors.Is(err, tt.err):
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.err)
		}
	}
}

func TestProfileStartIn(t *testing.T) {
	p := Profile{Start: d("2026-11-30")}
	if p.StartIn(2026) != d("2026-11-30") || !p.StartIn(2027).IsZero() || !(Profile{}).StartIn(2026).IsZero() {
		t.Errorf("StartIn: %s %s", p.StartIn(2026), p.StartIn(2027))
	}
	// A start date late in the year: the months before are not required,
	// so the duty is not "missed" on the first day, only due soon.
	dy := Evaluate(Tracked{Target: Target{Year: 2026, Cadence: Month, Min: 1, Start: p.StartIn(2026)}}, Now(d("2026-11-30")))
	if stateLetters(dy) != "----------ou" || dy.Status != DueSoon || dy.Required != 2 {
		t.Errorf("start 11-30: %s %s %d", stateLetters(dy), dy.Status, dy.Required)
	}
}

func FuzzParsePeriodRef(f *testing.F) {
	for _, s := range []string{"2026", "2026-H1", "2026-Q3", "2026-08", "2026-W05", "2026年上半年", "2026年8月", "2026年第3季度", "2026年第5周", "9999-W99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParsePeriodRef(s)
		if err != nil {
			if _, ok := AsInput(err); !ok {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		if !r.Valid() {
			t.Fatalf("%q gave an invalid reference %+v", s, r)
		}
		back, err := ParsePeriodRef(r.String())
		if err != nil || back != r {
			t.Fatalf("%q: %s does not read back (%v)", s, r, err)
		}
		if z, err := ParsePeriodRef(r.Label(Chinese)); err != nil || z != r {
			t.Fatalf("%q: label %s does not read back (%v)", s, r.Label(Chinese), err)
		}
		p := r.Period()
		if Holding(r.Cadence, p.Start) != r || Holding(r.Cadence, p.End) != r {
			t.Fatalf("%s: Holding disagrees", r)
		}
	})
}

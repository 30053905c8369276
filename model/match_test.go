package model

import (
	"errors"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

func TestInitials(t *testing.T) {
	tests := map[string]string{
		"谈心谈话":      "txth",
		"会前学法":      "hqxf",
		"参加中心组集体学习": "cjzxzjtxx",
		"述法 2026":   "sf2026",
		"（一）ABC":    "yabc",
		"":          "",
	}
	for in, want := range tests {
		if got := Initials(in); got != want {
			t.Errorf("Initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatches(t *testing.T) {
	tests := []struct {
		text, filter string
		want         bool
	}{
		{"谈心谈话（班子成员之间）", "txth", true},
		{"谈心谈话（班子成员之间）", "TXTH", true},
		{"谈心谈话（班子成员之间）", "谈话", true},
		{"谈心谈话（班子成员之间）", "hqxf", false},
		{"Field research", "RESEARCH", true},
		{"会前学法", "", true},
		{"会前学法", "  ", true},
		{"会前学法", "学 法", false},
	}
	for _, tt := range tests {
		if got := Matches(tt.text, "", tt.filter); got != tt.want {
			t.Errorf("Matches(%q, %q) = %v, want %v", tt.text, tt.filter, got, tt.want)
		}
	}
}

func TestMatchDuty(t *testing.T) {
	duties := []Duty{
		{ID: 1, Title: "会前学法"},
		{ID: 2, Title: "专题学法（法治讲座）"},
		{ID: 3, Title: "谈心谈话（班子成员之间、与分管干部）"},
		{ID: 4, Title: "开展调研"},
		{ID: 5, Title: "开展调研活动", Archived: NewDate(2025, 12, 1)},
		{ID: 6, Title: "述法"},
		{ID: 7, Title: "述法工作"},
		{ID: 12, Title: "2026年度述职"},
	}
	tests := []struct {
		q      string
		want   int64
		target error
	}{
		{"1", 1, nil},
		{"#3", 3, nil},
		{"99", 0, ErrNotFound},
		{"会前", 1, nil},
		{"学法", 0, ErrAmbiguous},
		{"txth", 3, nil},
		{"调研", 4, nil},   // the archived one is not a candidate beside an active one
		{"5", 5, nil},    // but its id still names it
		{"调研活动", 5, nil}, // and its title, when no active duty matches
		{"dyhd", 5, nil},
		{"述法", 6, nil}, // exact title wins
		{"述法工", 7, nil},
		{"2026年", 12, nil},
		{"无此事项", 0, ErrNotFound},
		{"", 0, ErrNotFound},
		{"\x1b[2J", 0, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			d, err := MatchDuty(duties, tt.q)
			if tt.target != nil {
				if !errors.Is(err, tt.target) {
					t.Fatalf("MatchDuty(%q) error = %v, want %v", tt.q, err, tt.target)
				}
				if _, ok := AsInput(err); !ok {
					t.Fatalf("MatchDuty(%q) error is not an InputError", tt.q)
				}
				return
			}
			if err != nil || d.ID != tt.want {
				t.Fatalf("MatchDuty(%q) = %d, %v; want %d", tt.q, d.ID, err, tt.want)
			}
		})
	}
}

func FuzzMatchDuty(f *testing.F) {
	duties := []Duty{{ID: 1, Title: "会前学法"}, {ID: 2, Title: "专题学法"}, {ID: 3, Title: "谈心谈话"}, {ID: 4, Title: "A\x1bB"}}
	for _, s := range []string{"1", "学法", "txth", "#", "#-1", "99999999999999999999", "\xff", "\x1b]0;x\x07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		d, err := MatchDuty(duties, q)
		if err != nil {
			ie, ok := AsInput(err)
			if !ok || !inert(ie.In(Chinese)) || !inert(ie.In(English)) {
				t.Fatalf("MatchDuty(%q) error %q is not a clean InputError", q, err)
			}
			return
		}
		if d.ID == 0 {
			t.Fatalf("MatchDuty(%q) returned no duty and no error", q)
		}
	})
}

// The dictionary lookup gives the same initial as the pinyin library's
// own first-letter style, for every character it knows.
func TestInitialAgreesWithTheLibrary(t *testing.T) {
	args := pinyin.Args{Style: pinyin.FirstLetter}
	n := 0
	for code := range pinyin.PinyinDict {
		r := rune(code)
		want := pinyin.SinglePinyin(r, args)
		got, ok := initial(r)
		if len(want) == 0 || want[0] == "" {
			continue
		}
		n++
		if !ok || string(got) != want[0] {
			t.Fatalf("initial(%c) = %q, %v; the library says %q", r, got, ok, want[0])
		}
	}
	if n < 20000 {
		t.Fatalf("only %d characters checked", n)
	}
}

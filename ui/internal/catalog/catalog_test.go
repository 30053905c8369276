package catalog

import (
	"slices"
	"testing"
)

func TestVerbs(t *testing.T) {
	for _, c := range []struct {
		format string
		want   []string
		bad    bool
	}{
		{"plain", nil, false},
		{"100%% done", nil, false},
		{"%d年 %s", []string{"d", "s"}, false},
		{"%[2]s %[1]d", []string{"d", "s"}, false},
		{"%q and %v", []string{"s", "s"}, false},
		{"%.1f%%", []string{"f"}, false},
		{"%[1]d %[1]d", []string{"d"}, false},
		{"%[1]d %[1]s", nil, true},
		{"%[3]d", []string{"", "", "d"}, false},
		{"ends in %", nil, true},
	} {
		got, err := Verbs(c.format)
		if (err != nil) != c.bad {
			t.Errorf("Verbs(%q) error %v, want error %v", c.format, err, c.bad)
			continue
		}
		if !c.bad && !slices.Equal(got, c.want) {
			t.Errorf("Verbs(%q) = %v, want %v", c.format, got, c.want)
		}
	}
}

func TestCheck(t *testing.T) {
	type cat struct{ A, B, C string }
	zh := cat{A: "%d年", B: "已有%s", C: "好"}
	en := cat{A: "%s", B: "", C: "fine"}
	if got := Check(zh, en); len(got) != 2 {
		t.Errorf("Check found %d faults, want 2 (A's arguments, B missing): %v", len(got), got)
	}
	type dir struct{ A string }
	if got := Check(dir{"%[1]s 所在目录不存在"}, dir{"The directory %[2]s does not exist"}); len(got) != 0 {
		t.Errorf("a numbered argument left out: %v", got)
	}
	if got := Check(dir{"%s 所在目录不存在"}, dir{"The directory %[2]s does not exist"}); len(got) != 1 {
		t.Errorf("an argument left out without numbering: %v", got)
	}
	if got := Check(&zh, &zh); len(got) != 0 {
		t.Errorf("Check of a catalogue against itself: %v", got)
	}
}

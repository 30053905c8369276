package ui

import (
	"reflect"
	"testing"
)

// Lines break between English words and never put closing punctuation
// at the start of a line.
func TestWrap(t *testing.T) {
	tests := []struct {
		s    string
		w, n int
		want []string
	}{
		{"shows where you stand, and writes", 20, 3, []string{"shows where you", "stand, and writes"}},
		{"先选一套内置事项模板（之后每项都可修改）：", 38, 2, []string{"先选一套内置事项模板（之后每项都可修", "改）："}},
		{"每月开展一次会前学法，每次不少于30分钟", 20, 2, []string{"每月开展一次会前学", "法，每次不少于30分钟"}},
		{"supercalifragilistic", 10, 2, []string{"supercalif", "ragilistic"}}, // no space: cut
		{"short", 10, 2, []string{"short"}},
		// a full stop after the cut: stepping back must not land in a word
		{"Supervision Regulations, art. 21", 28, 2, []string{"Supervision Regulations,", "art. 21"}},
	}
	for _, tt := range tests {
		if got := wrap(tt.s, tt.w, tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.s, tt.w, got, tt.want)
		}
	}
}

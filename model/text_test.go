package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want, line string
	}{
		{"plain chinese", "与分管科室负责人提醒谈话", "与分管科室负责人提醒谈话", "与分管科室负责人提醒谈话"},
		{"trim", "  会前学法 \n", "会前学法", "会前学法"},
		{"osc 52 clipboard", "学习\x1b]52;c;aGk=\x07资料", "学习资料", "学习资料"},
		{"clear screen", "\x1b[2J主题", "主题", "主题"},
		{"window title", "\x1b]0;title\x07党课", "党课", "党课"},
		{"carriage return", "正常\r滞后", "正常\n滞后", "正常 滞后"},
		{"backspace", "ab\bc", "abc", "abc"},
		{"c1 csi", "x\u009b31my", "x31my", "x31my"},
		{"bidi override", "\u202e调研\u202c", "调研", "调研"},
		{"isolates and marks", "\u2066a\u2069\u200fb\u061c", "ab", "ab"},
		{"invalid utf8", "党\xff课", "党\uFFFD课", "党\uFFFD课"},
		{"nul and del", "a\x00b\x7fc", "abc", "abc"},
		{"tab", "a\tb", "a b", "a b"},
		{"newlines kept in Clean", "第一行\r\n第二行", "第一行\n第二行", "第一行 第二行"},
		{"spaces kept", "张三   李四", "张三   李四", "张三   李四"},
		{"line separator", "a\u2028b", "a\nb", "a b"},
		{"lone escape", "a\x1b", "a", "a"},
		{"rare character kept", "𠮷野家", "𠮷野家", "𠮷野家"},
		{"full-width kept", "（一）２０２６", "（一）２０２６", "（一）２０２６"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := CleanLine(tt.in); got != tt.line {
				t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
		})
	}
}

// inert reports whether s can go to a terminal without doing anything but
// showing its characters.
func inert(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) {
			return false
		}
	}
	return true
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "会前学法", "\x1b]52;c;aGk=\x07", "\x1b[2J", "\x1b]0;title\x07", "\r\b\u009b\u202e",
		"\xff\xfe", "\x1bP1;2|x\x1b\\", "\x1b[", "a\x9bb", "\x1b\x1b[[", "\u2028\u2029"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !inert(c) {
			t.Fatalf("Clean(%q) = %q is not inert", s, c)
		}
		if Clean(c) != c {
			t.Fatalf("Clean is not idempotent on %q: %q then %q", s, c, Clean(c))
		}
		l := CleanLine(s)
		if !inert(l) || strings.Contains(l, "\n") {
			t.Fatalf("CleanLine(%q) = %q", s, l)
		}
		if CleanLine(l) != l {
			t.Fatalf("CleanLine is not idempotent on %q", s)
		}
	})
}

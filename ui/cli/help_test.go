package cli

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// TestHelpSpeaksOneLanguage: under a Chinese locale the help and the
// parser's refusals are Chinese (command and flag names apart), under an
// English one English.
func TestHelpSpeaksOneLanguage(t *testing.T) {
	db := newLedger(t)
	// Names the officer types, and the placeholders of values: not words
	// of either language.
	names := regexp.MustCompile(`(?i)taizhang|--?[a-z-]+(=[A-Z|a-z-]+)?|<[a-z]+>|\b(status|duty|add|list|edit|archive|log|records|template|apply|carry|backup|restore|demo|plan|export|import|profile|zh|en|LANG|TAIZHANG_DB|PATH|NAMES|STRING|INT|FILE|YYYY-MM-DD|json|md|txt|docx|xlsx|csv|zip|section-chief|leadership|study|talk|lesson|meeting|report|research|education|other|week|month|quarter|half|year|JSON|Word|Excel|Markdown|SQLite|XDG)\b`)
	for _, args := range [][]string{{"--help"}, {"log", "--help"}, {"export", "--help"}, {"duty", "add", "--help"}} {
		zh := run(t, db, append([]string{"--lang", "zh"}, args...)...)
		if zh.code != 0 {
			t.Fatalf("%v: exit %d %s", args, zh.code, zh.stderr)
		}
		for _, line := range strings.Split(zh.stdout, "\n") {
			if w := latinWord.FindString(names.ReplaceAllString(line, "")); w != "" {
				t.Errorf("taizhang %s under zh prints the English word %q: %q", strings.Join(args, " "), w, line)
			}
		}
		en := run(t, db, append([]string{"--lang", "en"}, args...)...)
		for _, line := range strings.Split(en.stdout, "\n") {
			if strings.IndexFunc(line, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 && !strings.Contains(line, "（或") && !strings.Contains(line, "每") {
				t.Errorf("taizhang %s under en prints Chinese: %q", strings.Join(args, " "), line)
			}
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"stauts"}, "taizhang: 没有“stauts”这个命令或参数（是不是 status？）；运行 taizhang --help 查看用法。\n"},
		{[]string{"duty"}, "taizhang: 缺少命令，应为 add、list、edit、archive 之一；运行 taizhang --help 查看用法。\n"},
	} {
		r := run(t, db, append([]string{"--lang", "zh"}, c.args...)...)
		if r.code != 2 || r.stderr != c.want {
			t.Errorf("taizhang %s: exit %d, %q; want 2, %q", strings.Join(c.args, " "), r.code, r.stderr, c.want)
		}
	}
}

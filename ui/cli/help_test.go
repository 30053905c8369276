package cli

import (
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/alecthomas/kong"
)

var latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// TestHelpSpeaksOneLanguage: under a Chinese locale the help and the
// parser's refusals are Chinese (command and flag names apart), under an
// English one English.
func TestHelpSpeaksOneLanguage(t *testing.T) {
	db := newLedger(t)
	// Names the officer types (commands, flags, their values) and the
	// placeholders of values: not words of either language.
	typed := []string{"taizhang", "zh", "en", "LANG", "TAIZHANG_DB", "PATH", "NAMES", "STRING", "INT", "FILE", "YYYY-MM-DD",
		"section-chief", "leadership", "bash", "zsh", "fish", "powershell", "study", "talk", "lesson", "meeting", "report", "research", "education", "other",
		"week", "month", "quarter", "half", "year", "md", "txt", "docx", "xlsx", "csv", "json", "zip", "JSON", "ISO", "UTF-8", "GB18030", "INT", "Word", "Excel", "Markdown", "SQLite", "XDG"}
	parser, err := kong.New(&CLI{})
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *kong.Node)
	walk = func(n *kong.Node) {
		typed = append(typed, n.Name)
		for _, f := range n.Flags {
			typed = append(typed, f.Name, f.PlaceHolder)
			typed = append(typed, strings.Split(f.Enum, ",")...)
		}
		for _, p := range n.Positional {
			typed = append(typed, p.Name)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(parser.Model.Node)
	var quoted []string
	for _, n := range typed {
		if n = strings.TrimSpace(n); n != "" {
			quoted = append(quoted, regexp.QuoteMeta(n))
		}
	}
	names := regexp.MustCompile(`(?i)--?[a-z-]+|<[a-z-]+>|\b(` + strings.Join(quoted, "|") + `)\b`)
	// The help of the program and of every command.
	helps := [][]string{{"--help"}}
	var leaves func(n *kong.Node, path []string)
	leaves = func(n *kong.Node, path []string) {
		for _, c := range n.Children {
			if c.Hidden {
				continue
			}
			p := append(append([]string{}, path...), c.Name)
			helps = append(helps, append(append([]string{}, p...), "--help"))
			leaves(c, p)
		}
	}
	leaves(parser.Model.Node, nil)
	for _, args := range helps {
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
			// A Chinese term may be cited (the 述责述廉 report).
			cited := regexp.MustCompile(`述责述廉|【请填写：…】`)
			if strings.IndexFunc(cited.ReplaceAllString(line, ""), func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
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

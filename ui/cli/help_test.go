package cli

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/kong"

	"taizhang/ui/cells"
)

var latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// TestHelpSpeaksOneLanguage: under a Chinese locale the help and the
// parser's refusals are Chinese (command and flag names apart), under an
// English one English.
func TestHelpSpeaksOneLanguage(t *testing.T) {
	db := newLedger(t)
	t.Setenv("COLUMNS", "") // help is as wide as the parser makes it off a terminal
	// Names the officer types (commands, flags, their values) and the
	// form of a date: not words of either language. The placeholders of
	// values are words: Chinese under a Chinese locale (--topic=主题).
	typed := []string{"taizhang", "zh", "en", "LANG", "TAIZHANG_DB", "YYYY-MM-DD", "shell",
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
			typed = append(typed, f.Name)
			typed = append(typed, strings.Split(f.Enum, ",")...)
			if f.HasDefault {
				typed = append(typed, f.Default)
			}
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
	names := regexp.MustCompile(`(?i)--?[a-z-]+|\b(` + strings.Join(quoted, "|") + `)\b`)
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
		for _, out := range []string{zh.stdout, en.stdout} {
			if l, at := helpColumns(out); l != "" {
				t.Errorf("taizhang %s: the help of %q starts at cell %d, not with the rows above it:\n%s", strings.Join(args, " "), l, at, out)
			}
			// Printed anywhere but to a terminal, help is 80 wide (the
			// usage line, the parser's, apart).
			for _, l := range strings.Split(out, "\n") {
				if w := cells.Width(l); w > 80 && !strings.HasPrefix(l, "Usage: ") && !strings.HasPrefix(l, "用法：") {
					t.Errorf("taizhang %s: a line of help %d wide: %q", strings.Join(args, " "), w, l)
				}
			}
		}
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
		{[]string{"duty"}, "taizhang: 缺少命令，应为 add、list、edit、archive、remove 之一；运行 taizhang --help 查看用法。\n"},
	} {
		r := run(t, db, append([]string{"--lang", "zh"}, c.args...)...)
		if r.code != 2 || r.stderr != c.want {
			t.Errorf("taizhang %s: exit %d, %q; want 2, %q", strings.Join(c.args, " "), r.code, r.stderr, c.want)
		}
	}
}

// The placeholders of values are Chinese under a Chinese locale and as
// they were under an English one, in the help and in the parser's
// refusals.
func TestHelpPlaceholders(t *testing.T) {
	db := newLedger(t)
	for _, c := range []struct {
		args       []string
		zh, en     []string
		zhNot, all []string
	}{
		{[]string{"--help"}, []string{"--db=路径"}, []string{"--db=PATH"}, []string{"PATH"}, []string{"--lang=zh|en"}},
		{[]string{"log", "--help"}, []string{"用法：taizhang log <事项> [选项]", "<事项>", "--topic=主题", "--with=人员", "--place=地点", "--attach=文件,...", "--paper=存放位置,...", "--for=期间"},
			[]string{"Usage: taizhang log <duty> [flags]", "<duty>", "--topic=STRING", "--with=NAMES", "--place=STRING", "--attach=FILE,...", "--paper=TEXT,...", "--for=PERIOD"},
			[]string{"STRING", "NAMES", "FILE", "TEXT", "PERIOD", "<duty>"}, []string{"--date=YYYY-MM-DD"}},
		{[]string{"status", "--help"}, []string{"--year=年度"}, []string{"--year=INT"}, []string{"INT"}, []string{"--as-of=YYYY-MM-DD"}},
		{[]string{"duty", "add", "--help"}, []string{"--title=标题", "--min=次数", "--each=分组"}, []string{"--title=STRING", "--min=INT", "--each=GROUP"}, []string{"STRING", "INT", "GROUP"}, nil},
		{[]string{"demo", "--help"}, []string{"--years=2"}, []string{"--years=2"}, nil, nil},
		{[]string{"export", "--help"}, []string{"--output=文件", "--format=md"}, []string{"--output=FILE", "--format=md"}, []string{"FILE"}, nil},
	} {
		zh := ok(t, db, append([]string{"--lang", "zh"}, c.args...)...)
		en := ok(t, db, append([]string{"--lang", "en"}, c.args...)...)
		for _, w := range append(c.zh, c.all...) {
			if !strings.Contains(zh, w) {
				t.Errorf("zh %v has no %q:\n%s", c.args, w, zh)
			}
		}
		for _, w := range c.zhNot {
			if strings.Contains(zh, w) {
				t.Errorf("zh %v still says %q:\n%s", c.args, w, zh)
			}
		}
		for _, w := range append(c.en, c.all...) {
			if !strings.Contains(en, w) {
				t.Errorf("en %v has no %q:\n%s", c.args, w, en)
			}
		}
	}
	for _, c := range []struct{ lang, want string }{
		{"zh", "taizhang: 缺少参数 <事项>；运行 taizhang --help 查看用法。\n"},
		{"en", "taizhang: expected \"<duty>\"; run taizhang --help for usage.\n"},
	} {
		if r := run(t, db, "--lang", c.lang, "log"); r.code != 2 || r.stderr != c.want {
			t.Errorf("%s log with no duty: exit %d %q, want %q", c.lang, r.code, r.stderr, c.want)
		}
	}
}

// helpColumns checks that in each section of help the rows of flags and
// arguments start their help at one cell; it returns the first row that
// does not and its cell, or "".
func helpColumns(out string) (string, int) {
	row := regexp.MustCompile(`^( +(?:-\w, )?--?\S+|  \[?<\S+>(?: \.\.\.)?\]?)( {2,})\S`)
	col := -1
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, " ") {
			col = -1 // a heading: a new section
			continue
		}
		m := row.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		at := cells.Width(m[1]) + len(m[2])
		if col >= 0 && at != col {
			return l, at
		}
		col = at
	}
	return "", 0
}

// Chinese help is wrapped in cells at the width the parser wraps at
// (COLUMNS here), never inside an English word, never with a closing mark
// at the start of a line.
func TestChineseHelpWrapsInCells(t *testing.T) {
	db := newLedger(t)
	for _, width := range []int{60, 80} {
		t.Setenv("COLUMNS", strconv.Itoa(width))
		for _, args := range [][]string{{"log", "--help"}, {"export", "--help"}, {"duty", "add", "--help"}, {"template", "apply", "--help"}} {
			out := ok(t, db, append([]string{"--lang", "zh"}, args...)...)
			for _, l := range strings.Split(out, "\n") {
				if w := cells.Width(l); w > width && !strings.HasPrefix(l, "用法：") {
					t.Errorf("%d columns, %v: a line %d wide: %q", width, args, w, l)
				}
				if s := strings.TrimLeft(l, " "); s != "" && strings.ContainsAny(s[:utf8.RuneLen([]rune(s)[0])], "，。：；、）") {
					t.Errorf("%d columns, %v: a line starts with a closing mark: %q", width, args, l)
				}
			}
			for _, word := range map[string][]string{"log": {"2026-H1", "2026-H2"}, "export": {"md|txt|docx|xlsx|csv|json|zip", "summary"}, "duty": {"quarter", "research"}}[args[0]] {
				if !strings.Contains(out, word) {
					t.Errorf("%d columns, %v: %q is broken:\n%s", width, args, word, out)
				}
			}
		}
	}
	for _, c := range []struct {
		in   string
		w    int
		want []string
	}{
		{"计入期间：为已结束60天内的期间补报", 10, []string{"计入期间：", "为已结束60", "天内的期间", "补报"}},
		{"频次：week month quarter half year（或 每周", 20, []string{"频次：week month", "quarter half year", "（或 每周"}},
		{"（默认今年）说明", 6, []string{"（默认", "今年）", "说明"}},
		{"supercalifragilistic", 8, []string{"supercal", "ifragili", "stic"}},
	} {
		if got := wrapCells(c.in, c.w); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapCells(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

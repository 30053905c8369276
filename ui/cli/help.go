package cli

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/kong"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"

	"taizhang/model"
	"taizhang/ui/cells"
)

// The command tree's help texts are written "中文 / English". localise
// keeps the officer's half of each, names the parser's own flag in that
// language, and under a Chinese locale gives the values of flags and
// arguments Chinese placeholders (--topic=主题, <事项>), so that under a
// Chinese locale every word of the help is Chinese and under an English
// one every word is English.
func localise(app *kong.Application, lang model.Lang) {
	if app.HelpFlag != nil {
		app.HelpFlag.Help = pickLang("显示帮助 / show this help", lang)
	}
	var walk func(n *kong.Node)
	walk = func(n *kong.Node) {
		n.Help = pickLang(n.Help, lang)
		n.Detail = pickLang(n.Detail, lang)
		for _, f := range n.Flags {
			f.Help = pickLang(f.Help, lang)
			if lang == model.Chinese {
				zhPlaceholder(f)
			}
		}
		for _, p := range n.Positional {
			p.Help = pickLang(p.Help, lang)
			if zh, ok := zhArguments[p.Name]; ok && lang == model.Chinese {
				// (only the help and the parser's messages name an
				// argument: it is parsed by its position)
				p.Name = zh
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(app.Node)
}

// zhPlaceholders are the Chinese placeholders of flag values, by the
// English one the help shows (STRING, INT and TEXT by the flag's name
// first: --topic=主题, --year=年度). Placeholders that show what to type
// (YYYY-MM-DD, zh|en, a default) are kept.
var zhPlaceholders = map[string]string{
	"PATH": "路径", "FILE": "文件", "GROUP": "分组", "NAMES": "姓名", "PERIOD": "期间", "POST": "职务", "UNIT": "单位",
	"DAYS": "天数", "NAME": "姓名", "TITLE": "标题", "BASIS": "依据", "CADENCE": "周期", "CATEGORY": "类别",
	"DESCRIPTION": "说明", "EVIDENCE": "佐证材料", "MIN": "次数", "NOTE": "备注",
	"STRING": "文字", "TEXT": "文字", "INT": "整数",
	"title=STRING": "标题", "category=STRING": "类别", "cadence=STRING": "周期", "basis=STRING": "依据",
	"description=STRING": "说明", "evidence=STRING": "佐证材料", "topic=STRING": "主题", "place=STRING": "地点",
	"note=STRING": "备注", "duty=STRING": "事项", "name=STRING": "姓名", "with=NAMES": "人员",
	"year=INT": "年度", "from=INT": "年度", "to=INT": "年度", "min=INT": "次数",
	"reason=TEXT": "理由", "paper=TEXT": "存放位置",
}

// zhArguments are the Chinese names of the commands' arguments.
var zhArguments = map[string]string{
	"duty": "事项", "file": "文件", "files": "文件", "id": "编号", "name": "模板名", "period": "期间",
	"person": "人员", "record": "记录", "shell": "shell",
}

// zhPlaceholder gives flag f its Chinese placeholder, when it has one.
func zhPlaceholder(f *kong.Flag) {
	if f.IsBool() || f.IsCounter() {
		return
	}
	en := f.PlaceHolder
	if en == "" {
		if f.HasDefault {
			return // the default is shown: a value to type
		}
		en, _, _ = strings.Cut(f.FormatPlaceHolder(), ",")
	}
	if zh, ok := zhPlaceholders[f.Name+"="+en]; ok {
		f.PlaceHolder = zh
	} else if zh, ok := zhPlaceholders[en]; ok {
		f.PlaceHolder = zh
	}
}

// pickLang is one language's half of "中文 / English": the split is the
// first " / " with Chinese before it and an English word after (which may
// cite a Chinese term). Text not written in two halves is kept whole.
func pickLang(s string, lang model.Lang) string {
	for i := strings.Index(s, " / "); i >= 0; {
		zh, en := s[:i], s[i+3:]
		if hasHan(zh) && en != "" && en[0] < 0x80 && unicode.IsLetter(rune(en[0])) {
			if lang == model.English {
				return en
			}
			return zh
		}
		next := strings.Index(s[i+3:], " / ")
		if next < 0 {
			break
		}
		i += 3 + next
	}
	return s
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// zhHelp is the parser's own words in its help, and what they say in
// Chinese: compiled when help is first printed, not at every start.
var zhHelp = sync.OnceValue(func() []struct {
	re *regexp.Regexp
	to string
} {
	return []struct {
		re *regexp.Regexp
		to string
	}{
		{regexp.MustCompile(`(?m)^Usage: `), "用法："},
		{regexp.MustCompile(`(?m)^Flags:$`), "选项："},
		{regexp.MustCompile(`(?m)^Arguments:$`), "参数："},
		{regexp.MustCompile(`(?m)^Commands:$`), "命令："},
		{regexp.MustCompile(`\[flags\]`), "[选项]"},
		{regexp.MustCompile(`<command>`), "<命令>"},
		{regexp.MustCompile(`(?m)^Run "(.*) --help" for more information on a command\.$`), "运行 $1 --help 查看某个命令的用法。"},
		{regexp.MustCompile(`(?m)^Run "(.*) --help" for more information\.$`), "运行 $1 --help 查看详细用法。"},
		{regexp.MustCompile(`\(default: (.*?)\)`), "（默认 $1）"},
	}
})

// helpRow is a row of the help's flags or arguments whose help follows on
// the same line: the indent, the flag or argument, and the spaces after.
var helpRow = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^( +)((?:-\w, )?--[\w-]+=\S+|\[?<\S+>(?: \.\.\.)?\]?)( {2,})`)
})

// alignWide lines up the rows whose flag or argument has a Chinese
// placeholder: the parser pads the column by characters, and a Chinese
// character takes two cells.
func alignWide(text string) string {
	return helpRow().ReplaceAllStringFunc(text, func(row string) string {
		m := helpRow().FindStringSubmatch(row)
		wide := cells.Width(m[2]) - utf8.RuneCountInString(m[2])
		return m[1] + m[2] + strings.Repeat(" ", max(2, len(m[3])-wide))
	})
}

// helpWidth is the width help is wrapped at: the parser's (COLUMNS, else
// 80 for help written anywhere but to a terminal, which is where the
// Chinese help is first written), or a narrower terminal's.
func helpWidth(out io.Writer) int {
	w := 80
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		w = n
	}
	if f, ok := out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if tw, _, err := term.GetSize(f.Fd()); err == nil && tw > 0 && tw < w {
			w = tw
		}
	}
	return w
}

// helpCell is a row of help whose help text follows on the same line: the
// flag, argument or command with its indent and spaces, and the text.
var helpCell = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^( +\S+(?: \S+)*? {2,})(\S.*)$`)
})

// wrapHelp wraps again, in width cells, each row of help that runs past
// them: the parser wraps at spaces and counts characters, while Chinese
// text has few spaces and its characters take two cells.
func wrapHelp(text string, width int) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		m := helpCell().FindStringSubmatch(lines[i])
		if m == nil {
			out = append(out, lines[i])
			continue
		}
		off := cells.Width(m[1])
		pad := strings.Repeat(" ", off)
		body, over := []string{m[2]}, cells.Width(lines[i]) > width
		j := i + 1
		for ; j < len(lines) && strings.HasPrefix(lines[j], pad) && len(lines[j]) > off && lines[j][off] != ' '; j++ {
			body = append(body, lines[j][off:])
			over = over || cells.Width(lines[j]) > width
		}
		if !over || width-off < 20 {
			out = append(out, lines[i:j]...)
		} else {
			for k, l := range wrapCells(strings.Join(body, " "), width-off) {
				if k == 0 {
					out = append(out, m[1]+l)
				} else {
					out = append(out, pad+l)
				}
			}
		}
		i = j - 1
	}
	return strings.Join(out, "\n")
}

// wrapCells breaks s into lines of at most w cells: at a space, or between
// two characters of which one is Chinese, but never inside an English word
// or a number, before a closing mark (，。）) or after an opening one (（“).
func wrapCells(s string, w int) []string {
	var lines []string
	line, lineW := "", 0
	for s != "" {
		n := nextBreak(s)
		word := s[:n]
		s = s[n:]
		ww := cells.Width(word)
		if lineW > 0 && lineW+ww > w && strings.TrimSpace(word) != "" {
			lines = append(lines, strings.TrimRight(line, " "))
			line, lineW = "", 0
			word = strings.TrimLeft(word, " ")
			ww = cells.Width(word)
		}
		for ww > w { // a word longer than a line: cut it
			head := ansi.Truncate(word, w, "")
			lines = append(lines, head)
			word = word[len(head):]
			ww = cells.Width(word)
		}
		if lineW == 0 {
			word = strings.TrimLeft(word, " ")
			ww = cells.Width(word)
		}
		line += word
		lineW += ww
	}
	return append(lines, strings.TrimRight(line, " "))
}

// nextBreak is the length of s's first unit a line may not break inside.
func nextBreak(s string) int {
	prev, size := utf8.DecodeRuneInString(s)
	i := size
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		wide := cells.Width(string(r)) > 1 || cells.Width(string(prev)) > 1
		switch {
		case strings.ContainsRune("，。：；、）」』》！？,.:;)!?", r) || strings.ContainsRune("（「『《“‘(", prev):
		case r == ' ' && prev != ' ', wide:
			return i
		}
		prev, i = r, i+size
	}
	return i
}

// helpPrinter prints the parser's help in the officer's language.
func helpPrinter(lang model.Lang) kong.HelpPrinter {
	return func(options kong.HelpOptions, ctx *kong.Context) error {
		if lang == model.English {
			return kong.DefaultHelpPrinter(options, ctx)
		}
		var buf bytes.Buffer
		out := ctx.Stdout
		width := helpWidth(out)
		ctx.Stdout = &buf
		options.WrapUpperBound = width
		err := kong.DefaultHelpPrinter(options, ctx)
		ctx.Stdout = out
		text := buf.String()
		for _, h := range zhHelp() {
			text = h.re.ReplaceAllString(text, h.to)
		}
		text = wrapHelp(alignWide(text), width)
		_, werr := out.Write([]byte(text))
		if err != nil {
			return err
		}
		return werr
	}
}

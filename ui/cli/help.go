package cli

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode"

	"github.com/alecthomas/kong"

	"taizhang/model"
)

// The command tree's help texts are written "中文 / English". localise
// keeps the officer's half of each, and names the parser's own flag in
// that language, so that under a Chinese locale every word of the help is
// Chinese and under an English one every word is English.
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
		}
		for _, p := range n.Positional {
			p.Help = pickLang(p.Help, lang)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(app.Node)
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

// helpPrinter prints the parser's help in the officer's language.
func helpPrinter(lang model.Lang) kong.HelpPrinter {
	return func(options kong.HelpOptions, ctx *kong.Context) error {
		if lang == model.English {
			return kong.DefaultHelpPrinter(options, ctx)
		}
		var buf bytes.Buffer
		out := ctx.Stdout
		ctx.Stdout = &buf
		err := kong.DefaultHelpPrinter(options, ctx)
		ctx.Stdout = out
		text := buf.String()
		for _, h := range zhHelp() {
			text = h.re.ReplaceAllString(text, h.to)
		}
		_, werr := out.Write([]byte(text))
		if err != nil {
			return err
		}
		return werr
	}
}

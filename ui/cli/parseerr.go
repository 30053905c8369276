package cli

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"taizhang/model"
)

// The command-line parser's messages, in the forms it writes them, and
// what each says in Chinese. A message of another form is quoted as it is.
// They are compiled on the first refusal, not at every start.
var parseErrors = sync.OnceValue(func() []parseErrorForm {
	return []parseErrorForm{
		{regexp.MustCompile(`^(--[\w-]+): expected \w+ value but got "(.*)" \(short flag\); perhaps try .*$`),
			func(m []string) string {
				return fmt.Sprintf("%s 的值“%s”以“-”开头，会被当成选项；请写成 %s=%s", m[1], m[2], m[1], m[2])
			}},
		{regexp.MustCompile(`^(--[\w-]+): expected a valid (?:64 bit )?int but got "(.*)"$`),
			func(m []string) string { return fmt.Sprintf("%s 需要一个整数，“%s”不是", m[1], m[2]) }},
		{regexp.MustCompile(`^unknown flag (\S+), did you mean "(.*)"\?$`),
			func(m []string) string { return fmt.Sprintf("没有选项 %s（是不是 %s？）", m[1], m[2]) }},
		{regexp.MustCompile(`^unknown flag (\S+)$`),
			func(m []string) string { return fmt.Sprintf("没有选项 %s", m[1]) }},
		{regexp.MustCompile(`^unexpected argument (.*)$`),
			func(m []string) string { return fmt.Sprintf("多余的参数“%s”", m[1]) }},
		{regexp.MustCompile(`^missing flags?: (.*)$`),
			func(m []string) string { return fmt.Sprintf("缺少必需的选项 %s", m[1]) }},
		{regexp.MustCompile(`^expected "(.*)"$`),
			func(m []string) string { return fmt.Sprintf("缺少参数 %s", m[1]) }},
		{regexp.MustCompile(`^missing positional arguments? (.*)$`),
			func(m []string) string { return fmt.Sprintf("缺少参数 %s", m[1]) }},
	}
})

type parseErrorForm struct {
	re *regexp.Regexp
	zh func(m []string) string
}

// parseError is the one sentence a command line the parser refused gets,
// in lang's words.
func (a *App) parseError(err error) string {
	msg := err.Error()
	zh := "命令行有误（" + msg + "）"
	for _, p := range parseErrors() {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			zh = p.zh(m)
			break
		}
	}
	// The message quotes what was typed: cleaned, like all text shown.
	return model.CleanLine(a.T("taizhang: "+zh+"；运行 taizhang --help 查看用法。",
		"taizhang: "+strings.TrimSuffix(msg, ".")+"; run taizhang --help for usage."))
}

package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/alecthomas/kong"

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
		{regexp.MustCompile(`^unexpected argument (\S+), did you mean "(.*)"\?$`),
			func(m []string) string {
				return fmt.Sprintf("没有“%s”这个命令或参数（是不是 %s？）", m[1], m[2])
			}},
		{regexp.MustCompile(`^unexpected argument (\S+), did you mean one of (.*)\?$`),
			func(m []string) string {
				return fmt.Sprintf("没有“%s”这个命令或参数（是不是 %s 之一？）", m[1], zhList(m[2]))
			}},
		{regexp.MustCompile(`^unknown flag (\S+), did you mean one of (.*)\?$`),
			func(m []string) string {
				return fmt.Sprintf("没有选项 %s（是不是 %s 之一？）", m[1], zhList(m[2]))
			}},
		{regexp.MustCompile(`^(\S+) must be one of (.*) but got "(.*)"$`),
			func(m []string) string {
				return fmt.Sprintf("%s 只能是 %s 之一，不能是“%s”", m[1], zhList(m[2]), m[3])
			}},
		{regexp.MustCompile(`^(--[\w-]+) and (--[\w-]+) can't be used together$`),
			func(m []string) string { return fmt.Sprintf("%s 和 %s 不能同时使用", m[1], m[2]) }},
		{regexp.MustCompile(`^expected one of (.*)$`),
			func(m []string) string { return fmt.Sprintf("缺少命令，应为 %s 之一", zhList(m[1])) }},
		{regexp.MustCompile(`^unexpected flag argument "(.*)"$`),
			func(m []string) string { return fmt.Sprintf("选项不接受值“%s”", m[1]) }},
		{regexp.MustCompile(`^(--[\w-]+): expected a valid (?:64 bit )?uint but got "(.*)"$`),
			func(m []string) string {
				return fmt.Sprintf("%s 需要一个非负整数，“%s”不是", m[1], m[2])
			}},
		{regexp.MustCompile(`^unknown flag (\S+), did you mean "(.*)"\?$`),
			func(m []string) string { return fmt.Sprintf("没有选项 %s（是不是 %s？）", m[1], m[2]) }},
		{regexp.MustCompile(`^unknown flag (\S+)$`),
			func(m []string) string { return fmt.Sprintf("没有选项 %s", m[1]) }},
		{regexp.MustCompile(`^unexpected argument (.*)$`),
			func(m []string) string { return fmt.Sprintf("多余的参数“%s”", m[1]) }},
		{regexp.MustCompile(`^missing flags?: (.*)$`),
			func(m []string) string {
				return fmt.Sprintf("缺少必需的选项 %s", strings.ReplaceAll(m[1], ", ", "、"))
			}},
		{regexp.MustCompile(`^expected "(.*)"$`),
			func(m []string) string { return fmt.Sprintf("缺少参数 %s", m[1]) }},
		{regexp.MustCompile(`^missing positional arguments? (.*)$`),
			func(m []string) string { return fmt.Sprintf("缺少参数 %s", m[1]) }},
	}
})

// zhList turns the parser's list of quoted names ("a", "b") into a
// Chinese one (a、b).
func zhList(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"`)
	}
	return strings.Join(parts, "、")
}

var unknownCommand = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^unexpected argument (\S+)$`) })

type parseErrorForm struct {
	re *regexp.Regexp
	zh func(m []string) string
}

// parseError is the one sentence a command line the parser refused gets,
// in lang's words.
func (a *App) parseError(err error) string {
	msg := err.Error()
	// An argument before any command is a command that does not exist,
	// not one too many.
	var pe *kong.ParseError
	if errors.As(err, &pe) && pe.Context != nil && pe.Context.Selected() == nil {
		if m := unknownCommand().FindStringSubmatch(msg); m != nil {
			return model.CleanLine(fmt.Sprintf(a.txt().NoSuchCommand, m[1]))
		}
	}
	zh := "命令行有误（" + msg + "）"
	for _, p := range parseErrors() {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			zh = p.zh(m)
			break
		}
	}
	// The message quotes what was typed: cleaned, like all text shown.
	if a.Lang == model.English {
		zh = strings.TrimSuffix(msg, ".")
	}
	return model.CleanLine(fmt.Sprintf(a.txt().ParseError, zh))
}

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/alecthomas/kong"
	"github.com/posener/complete"
	"github.com/willabides/kongplete"

	"taizhang/data"
	"taizhang/model"
)

// CompletionCmd prints the script that teaches a shell to complete
// taizhang's commands, flags, formats, template names and duty titles.
type CompletionCmd struct {
	Shell string `arg:"" predictor:"shell" help:"bash、zsh、fish 或 powershell / the shell"`
}

// The scripts hand each completion request to taizhang itself, the way the
// completion library expects: the line typed so far in COMP_LINE and the
// cursor in COMP_POINT, one candidate a line on standard output. bash and
// zsh run the binary through complete -C and fish through a function, as
// the library's installer writes them; PowerShell, which the library does
// not know, gets an argument completer that sets the same two variables.
var completionScripts = map[string]string{
	"bash": `# taizhang completion for bash: add to ~/.bashrc
#   source <(taizhang completion bash)
complete -o default -C ${bin} taizhang
`,
	"zsh": `# taizhang completion for zsh: add to ~/.zshrc
#   source <(taizhang completion zsh)
autoload -U +X bashcompinit && bashcompinit
complete -o default -C ${bin} taizhang
`,
	"fish": `# taizhang completion for fish: save as ~/.config/fish/completions/taizhang.fish
#   taizhang completion fish > ~/.config/fish/completions/taizhang.fish
function __complete_taizhang
    set -lx COMP_LINE (commandline -cp)
    test -z (commandline -ct)
    and set COMP_LINE "$COMP_LINE "
    ${bin}
end
complete -f -c taizhang -a "(__complete_taizhang)"
`,
	"powershell": `# taizhang completion for PowerShell: add to your profile ($PROFILE)
#   taizhang completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName taizhang, taizhang.exe -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $line = $commandAst.Extent.Text
    $point = $cursorPosition - $commandAst.Extent.StartOffset
    if ($line.Length -lt $point) { $line = $line.PadRight($point) }
    $env:COMP_LINE = $line
    $env:COMP_POINT = $point
    try {
        & ${bin} 2>$null | ForEach-Object {
            [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
        }
    } finally {
        Remove-Item Env:COMP_LINE, Env:COMP_POINT -ErrorAction SilentlyContinue
    }
}
`,
}

// Run prints the script for the shell, naming this binary by its name
// when the shell finds this very binary under it on the PATH (so that an
// upgrade or a move along the PATH keeps completion working), else by its
// full path.
func (c *CompletionCmd) Run(a *App) error {
	script, ok := completionScripts[strings.ToLower(c.Shell)]
	if !ok {
		return a.Bad(a.txt().BadShell, model.CleanLine(c.Shell))
	}
	bin, err := os.Executable()
	if err != nil {
		return err
	}
	if abs, err := filepath.Abs(bin); err == nil {
		bin = abs
	}
	if found, err := exec.LookPath("taizhang"); err == nil {
		self, err1 := os.Stat(bin)
		there, err2 := os.Stat(found)
		if err1 == nil && err2 == nil && os.SameFile(self, there) {
			bin = "taizhang"
		}
	}
	quoted := shellQuote(bin)
	if strings.EqualFold(c.Shell, "powershell") {
		quoted = "'" + strings.ReplaceAll(bin, "'", "''") + "'"
	}
	a.Printf("%s", strings.ReplaceAll(script, "${bin}", quoted))
	return nil
}

// shellQuote quotes s for bash, zsh and fish: single quotes, with each
// single quote inside written as '\”.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// completing answers a shell's completion request (COMP_LINE is set) and
// reports whether it did: the candidates for the word being typed, one a
// line, and nothing else — no error is ever printed into the shell.
func completing(parser *kong.Kong) bool {
	line := os.Getenv("COMP_LINE")
	if line == "" {
		return false
	}
	// bash (and zsh, PowerShell through the scripts above) count the
	// cursor position in characters; the library cuts the line in bytes.
	if point, err := strconv.Atoi(os.Getenv("COMP_POINT")); err == nil {
		runes := []rune(line)
		os.Setenv("COMP_POINT", strconv.Itoa(len(string(runes[:min(max(point, 0), len(runes))]))))
	}
	done := false
	kongplete.Complete(parser,
		kongplete.WithPredictors(map[string]complete.Predictor{
			"duty":     complete.PredictFunc(predictDuty),
			"template": complete.PredictFunc(predictTemplate),
			"format":   complete.PredictSet("md", "txt", "docx", "xlsx", "csv", "json", "zip"),
			"category": complete.PredictFunc(predictCategory),
			"cadence":  complete.PredictSet(cadences()...),
			"lang":     complete.PredictSet("zh", "en"),
			"shell":    complete.PredictSet("bash", "zsh", "fish", "powershell"),
			"file":     complete.PredictFiles("*"),
			"year":     complete.PredictFunc(predictYear),
		}),
		kongplete.WithErrorHandler(func(error) {}),
		kongplete.WithExitFunc(func(int) { done = true }),
	)
	return done
}

// predictDuty offers the titles of the ledger's duties (the ledger named
// by --db on the line typed, else TAIZHANG_DB, else the default). A title
// holding a space would be split by the shell and is left out.
func predictDuty(complete.Args) []string {
	var out []string
	// The words before the command are not in the predictor's arguments:
	// read --db from the whole line.
	for _, t := range data.DutyTitles(data.ResolvePath(dbOnLine(strings.Fields(os.Getenv("COMP_LINE"))))) {
		t = model.CleanLine(t)
		if !strings.ContainsFunc(t, unicode.IsSpace) {
			out = append(out, t)
		}
	}
	return out
}

// dbOnLine is the --db value among the words typed, or "".
func dbOnLine(words []string) string {
	for i, w := range words {
		if w == "--db" && i+1 < len(words) {
			return words[i+1]
		}
		if v, ok := strings.CutPrefix(w, "--db="); ok {
			return v
		}
	}
	return ""
}

func predictTemplate(complete.Args) []string {
	var out []string
	for _, t := range model.Templates {
		out = append(out, t.Name)
	}
	return out
}

// predictCategory offers the categories in English and in Chinese.
func predictCategory(complete.Args) []string {
	var out []string
	for _, c := range model.Categories {
		out = append(out, string(c), c.Name(model.Chinese))
	}
	return out
}

func cadences() []string {
	var out []string
	for _, c := range model.Cadences {
		out = append(out, string(c))
	}
	return append(out, "每周", "每月", "每季度", "每半年", "每年")
}

// predictYear offers this year and the two either side.
func predictYear(complete.Args) []string {
	y := time.Now().Year()
	var out []string
	for d := -2; d <= 2; d++ {
		out = append(out, strconv.Itoa(y+d))
	}
	return out
}

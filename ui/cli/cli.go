// Package cli is taizhang's command line: one kong command struct per
// command, each with a Run method that opens the ledger through data, does
// one thing in one transaction, and prints a table, JSON or a sentence in
// the officer's language. Bad input exits 2 with one sentence; other
// failures exit 1.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/alecthomas/kong"

	"github.com/charmbracelet/x/term"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/internal/catalog"
)

// Env is what a run of the command line talks to; tests replace all of it.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Version        string
	// TUI opens the terminal interface on an open ledger.
	TUI func(app *App) error
	// CacheDir is where the one-line status is kept between runs (see
	// short.go); empty keeps nothing.
	CacheDir string
	// Width is the terminal's width that tables fit; 0 asks standard
	// output, and a pipe or a file gets tables as wide as they are.
	Width int
}

// width is the width tables fit: the terminal standard output is, or 0.
func (a *App) width() int {
	if a.Width > 0 {
		return a.Width
	}
	f, ok := a.Stdout.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	w, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return w
}

// Globals are the flags every command takes.
type Globals struct {
	DB      string           `name:"db" predictor:"file" help:"台账文件路径，也可用环境变量 TAIZHANG_DB / ledger file (default: the XDG data directory)" placeholder:"PATH"`
	Lang    string           `name:"lang" predictor:"lang" help:"语言 zh|en，默认取自 LANG / language" placeholder:"zh|en"`
	Version kong.VersionFlag `name:"version" help:"显示版本 / show the version"`
}

// CLI is the command tree.
type CLI struct {
	Globals

	Open     OpenCmd     `cmd:"" default:"1" hidden:"" help:"打开终端界面 / open the terminal interface"`
	Status   StatusCmd   `cmd:"" help:"年度履职情况 / the year's status"`
	Due      DueCmd      `cmd:"" help:"本期待办：当前期间未完成的事项，先到期的在前 / what is open now and still owed, soonest first"`
	Duty     DutyCmd     `cmd:"" help:"管理履职事项 / manage duties"`
	Log      LogCmd      `cmd:"" help:"登记一条履职记录 / log a record"`
	Records  RecordsCmd  `cmd:"" help:"列出履职记录 / list records"`
	Excuse   ExcuseCmd   `cmd:"" help:"某一期间免于要求（须写明理由），或撤销 / excuse one period of a duty with a reason, or withdraw it"`
	People   PeopleCmd   `cmd:"" help:"人员名单及分组（按人计的谈话） / the roster and its groups"`
	Template TemplateCmd `cmd:"" help:"内置事项模板 / built-in duty sets"`
	Carry    CarryCmd    `cmd:"" help:"把一年的要求复制到另一年 / copy a year's targets to another year"`
	Backup   BackupCmd   `cmd:"" help:"备份台账 / back up the ledger"`
	Restore  RestoreCmd  `cmd:"" help:"从备份恢复台账 / restore the ledger from a backup"`
	Demo     DemoCmd     `cmd:"" help:"向空台账填入示例数据 / fill an empty ledger with sample data"`
	Plan     PlanCmd     `cmd:"" help:"从工作计划文本提取事项 / extract duties from a plan text"`
	Export   ExportCmd   `cmd:"" help:"导出年度履职报告或台账 / write the year-end summary or the ledger"`
	Import   ImportCmd   `cmd:"" help:"导入 JSON 导出文件 / load a JSON export"`
	Profile  ProfileCmd  `cmd:"" help:"本人姓名、职务、单位、任职日期 / your name, post, unit and post start date"`
	Evidence EvidenceCmd `cmd:"" help:"记录的佐证材料 / evidence on records"`

	Completion CompletionCmd `cmd:"" help:"打印 shell 补全脚本（bash、zsh、fish、powershell） / print the shell completion script"`
}

// App is what every command's Run receives.
type App struct {
	Env
	Lang  model.Lang
	db    string
	store *data.Store
	// notices are the warnings about the open ledger, for the app's
	// status line: standard error is hidden once its screen is up.
	notices []string
	// short is where the line of a plain status --short is kept.
	short *shortEntry
}

// Notices are the warnings about the open ledger, for the app to show.
func (a *App) Notices() []string { return a.notices }

// Store opens the ledger on first use, creating it if it is not there:
// for the commands that start a ledger (the app, duty add, template apply,
// plan --apply, import, restore, demo, profile).
func (a *App) Store() (*data.Store, error) { return a.open(data.Open) }

// Existing opens the ledger on first use, refusing a path with no ledger:
// for the commands that read one or need its duties.
func (a *App) Existing() (*data.Store, error) { return a.open(data.OpenExisting) }

// Reading opens the ledger on first use for a command that only reads it:
// a ledger that cannot be written (a backup on a read-only medium) is
// opened read-only instead of refused.
func (a *App) Reading() (*data.Store, error) { return a.open(data.OpenReading) }

func (a *App) open(opener func(string) (*data.Store, error)) (*data.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	s, err := opener(data.ResolvePath(a.db))
	if err != nil {
		return nil, err
	}
	if s.Network != "" {
		a.notices = append(a.notices, fmt.Sprintf(a.txt().NetworkShort, s.Network))
		a.Note(a.txt().NetworkWarning, s.Network)
	}
	if s.Migrated != "" {
		a.Note(a.txt().Migrated, s.Migrated)
	}
	a.store = s
	return s, nil
}

// Today is the local date now.
func (a *App) Today() model.Date { return model.DateOf(a.Now()) }

// txt is the catalogue of the officer's language.
func (a *App) txt() *Text { return textFor(a.Lang) }

// Printf writes to standard output.
func (a *App) Printf(format string, args ...any) { fmt.Fprintf(a.Stdout, format, args...) }

// Note writes a line to standard error: a message of the catalogue with its
// arguments.
func (a *App) Note(format string, args ...any) { fmt.Fprintf(a.Stderr, format+"\n", args...) }

// Bad is an input error: a message of the catalogue with its arguments,
// in the officer's language (the command line has chosen it by the time a
// command runs).
func (a *App) Bad(format string, args ...any) error {
	return a.refuse(fmt.Sprintf(format, args...))
}

// refuse is an input error saying msg, a message of the catalogue that
// takes no arguments.
func (a *App) refuse(msg string) error { return model.Invalid(nil, msg, msg) }

type exitCode int

// decimalInt reads a number flag as a plain decimal number: the parser's
// own reading takes 0x10 as 16 and 010 as 8, which nobody typing a count
// or a year means.
var decimalInt = kong.MapperFunc(func(ctx *kong.DecodeContext, target reflect.Value) error {
	t, err := ctx.Scan.PopValue("int")
	if err != nil {
		return err
	}
	s := fmt.Sprint(t.Value)
	n, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), 10, 64)
	if err != nil || strings.HasPrefix(s, "+") {
		return fmt.Errorf("expected a valid int but got %q", s)
	}
	target.SetInt(n)
	return nil
})

// Main runs the command line and returns the exit status: 0 on success, 1
// on failure, 2 on bad usage or bad input.
func Main(args []string, env Env) (code int) {
	if env.Now == nil {
		env.Now = time.Now
	}
	if len(args) == 1 && args[0] == "--version" {
		fmt.Fprintln(env.Stdout, "taizhang "+env.Version)
		return 0
	}
	line, short := shortCached(args, env)
	if line != "" {
		fmt.Fprintln(env.Stdout, line)
		return 0
	}
	app := &App{Env: env, Lang: langOf(args), short: short}
	grammar, g := grammarFor(args)
	parser, err := kong.New(grammar,
		kong.Name("taizhang"),
		kong.Description(app.txt().AppDescription),
		kong.Writers(env.Stdout, env.Stderr),
		kong.Vars{"version": "taizhang " + env.Version},
		kong.Exit(func(n int) { panic(exitCode(n)) }),
		kong.ConfigureHelp(kong.HelpOptions{Compact: true, NoExpandSubcommands: false}),
		kong.Help(helpPrinter(app.Lang)),
		kong.Bind(app),
		kong.TypeMapper(reflect.TypeOf(0), decimalInt),
	)
	if err != nil {
		panic(err) // the command tree itself is wrong
	}
	localise(parser.Model, app.Lang)
	if completing(parser) {
		return 0
	}
	defer func() {
		if r := recover(); r != nil {
			n, ok := r.(exitCode)
			if !ok {
				panic(r)
			}
			code = int(n)
		}
		if app.store != nil {
			app.store.Close()
		}
	}()
	kctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintln(env.Stderr, app.parseError(err))
		return 2
	}
	if g.Lang != "" {
		l, ok := model.ParseLang(g.Lang)
		if !ok {
			fmt.Fprintln(env.Stderr, app.txt().BadLang)
			return 2
		}
		app.Lang = l
	}
	app.db = g.DB
	if err := kctx.Run(); err != nil {
		return app.report(err)
	}
	return 0
}

// statusCLI is the grammar of `taizhang status …` alone. A shell prompt or
// a status line runs status --short on every command, and building the
// parser for the whole command tree cost it more than reading the ledger.
type statusCLI struct {
	Globals
	Status StatusCmd `cmd:""`
}

// grammarFor picks the command tree to parse args with: the status command
// alone when the arguments name it (help and completion always see the
// whole tree), else every command. It returns the tree and its globals.
func grammarFor(args []string) (any, *Globals) {
	if !wholeTree && os.Getenv("COMP_LINE") == "" && firstCommand(args) == "status" && !slices.ContainsFunc(args, isHelp) {
		var c statusCLI
		return &c, &c.Globals
	}
	var c CLI
	return &c, &c.Globals
}

// wholeTree makes every run parse with the whole tree (for tests that
// compare the two).
var wholeTree bool

func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "--version" }

// firstCommand is the first argument that is not a global flag or its value.
func firstCommand(args []string) string {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "--db" || a == "--lang":
			i++
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "--lang="):
		default:
			return a
		}
	}
	return ""
}

// report prints err as one sentence and returns the exit status for it.
func (a *App) report(err error) int {
	// Every message is cleaned as it is printed: it may quote what was typed.
	if msg, ok := a.phrase(err); ok {
		fmt.Fprintln(a.Stderr, model.CleanLine("taizhang: "+msg))
		return 2
	}
	if ie, ok := model.AsInput(err); ok {
		fmt.Fprintln(a.Stderr, model.CleanLine("taizhang: "+a.say(ie, ie.In)))
		return 2
	}
	if f, ok := model.AsFailure(err); ok {
		fmt.Fprintln(a.Stderr, model.CleanLine("taizhang: "+a.say(f, f.In)))
		return 1
	}
	var pe *kong.ParseError
	if errors.As(err, &pe) {
		fmt.Fprintln(a.Stderr, a.parseError(pe))
		return 2
	}
	fmt.Fprintln(a.Stderr, model.CleanLine(a.txt().ErrorPrefix+err.Error()))
	return 1
}

// say is an error of the model or data layers in the officer's language:
// phrased from the catalogue when it is of a kind, else its own sentence.
func (a *App) say(err error, own func(model.Lang) string) string {
	if msg, ok := catalog.Phrase(a.txt(), a.Lang, err); ok {
		return msg
	}
	return own(a.Lang)
}

// langOf reads --lang from the raw arguments, so that even a parse error
// is reported in the chosen language.
func langOf(args []string) model.Lang {
	for i, a := range args {
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l, ok := model.ParseLang(v); ok {
				return l
			}
		}
	}
	return model.LangFromEnv()
}

// Run is the process entry point used by main.
func Run(version string, tui func(*App) error) int {
	env := Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Now: time.Now, Version: version, TUI: tui}
	if dir, err := os.UserCacheDir(); err == nil {
		// (on Windows the cache and the ledger share %LOCALAPPDATA%:
		// the kept lines have a folder of their own)
		env.CacheDir = filepath.Join(dir, "taizhang", "status")
	}
	return Main(os.Args[1:], env)
}

// OpenCmd opens the terminal interface; it is what a bare taizhang runs.
type OpenCmd struct{}

// Run opens the ledger and hands it to the TUI.
func (c *OpenCmd) Run(a *App) error {
	if _, err := a.Store(); err != nil {
		return err
	}
	if a.TUI == nil {
		return errors.New("no terminal interface in this build")
	}
	return a.TUI(a)
}

// Ledger is the open ledger, for the TUI hand-over.
func (a *App) Ledger() *data.Store { return a.store }

// yearOr returns y, or the current year when y is 0, checking its range.
func (a *App) yearOr(y int) (int, error) {
	if y == 0 {
		return a.Today().Year(), nil
	}
	if !model.ValidYear(y) {
		return 0, a.Bad(a.txt().BadYear, y)
	}
	return y, nil
}

// yearLedger checks --year (0: this year) and opens the existing ledger
// for reading: the start of every command that reads one year.
func (a *App) yearLedger(y int) (int, *data.Store, error) {
	year, err := a.yearOr(y)
	if err != nil {
		return 0, nil, err
	}
	s, err := a.Reading()
	return year, s, err
}

// date parses a --date style flag; empty means def.
func (a *App) date(flag, value string, def model.Date) (model.Date, error) {
	if value == "" {
		return def, nil
	}
	d, err := model.ParseDate(value)
	if err != nil {
		if y, _, _, ok := model.SplitDate(value); ok && !model.ValidYear(y) {
			return 0, a.Bad(a.txt().DateYearRange, flag, model.CleanLine(value))
		}
		return 0, a.Bad(a.txt().BadDateFlag, flag, model.CleanLine(value))
	}
	return d, nil
}

// existingDuty opens the ledger, which must exist, and resolves a DUTY
// argument in it.
func (a *App) existingDuty(q string) (*data.Store, model.Duty, error) {
	s, err := a.Existing()
	if err != nil {
		return nil, model.Duty{}, err
	}
	d, err := a.findDuty(s, q)
	return s, d, err
}

// findDuty resolves a DUTY argument.
func (a *App) findDuty(s *data.Store, q string) (model.Duty, error) {
	ds, err := s.Duties(ctxb)
	if err != nil {
		return model.Duty{}, err
	}
	return model.MatchDuty(ds, q)
}

// typedPath is a file named on the command line as the program reads it:
// a leading ~ is the home directory (HOME, else the user's home; on
// Windows USERPROFILE) whether the shell expanded it or, quoted, left it
// as typed, as in "~/我的 文档/年报.docx"; the app reads paths the same way
// (data.ExpandPath). "-" (standard input or output) stays as it is.
func typedPath(p string) string {
	if p == "" || p == "-" {
		return p
	}
	return data.ExpandPath(p)
}

// fullPath is typedPath made absolute, for a file the messages name.
func fullPath(p string) string {
	p = typedPath(p)
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

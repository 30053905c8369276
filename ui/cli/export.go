package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"taizhang/data/export"
	"taizhang/model"
	"taizhang/ui/internal/catalog"
)

// ExportCmd writes the year-end summary or the ledger to a file.
type ExportCmd struct {
	Year   int    `help:"年度（默认今年） / year (default: this year)"`
	Format string `short:"f" predictor:"format" help:"格式 md|txt|docx|xlsx|csv|json|zip（zip 为检查材料；默认按 -o 的扩展名，否则 md） / format, zip for the inspection bundle (default: from -o, else md)" placeholder:"md"`
	Layout string `help:"版式 summary（履职情况，默认）|report（述责述廉报告，留有【请填写：…】待本人补全） / layout: summary (default) or report (the 述责述廉 report, with 【请填写：…】 for you to complete)" placeholder:"summary" default:"summary"`
	AsOf   string `name:"as-of" help:"按某日统计，如年中报告用 06-30 / evaluate as of a date, e.g. mid-year" placeholder:"YYYY-MM-DD"`
	Output string `short:"o" predictor:"file" help:"输出文件（默认 taizhang-<年度>.<格式>；- 输出到终端，限文本格式） / output file (default: taizhang-<year>.<format>; - for standard output, text formats)" placeholder:"FILE"`
	Force  bool   `help:"覆盖已有文件 / replace an existing file"`
	Strict bool   `help:"检查发现问题时不导出（退出码2） / write nothing if the check finds anything (exit 2)"`
	All    bool   `help:"导出全部年度（仅 json） / every year (json only)"`
	Check  bool   `help:"只做导出前检查，列出全部问题，不写文件 / run the check only and list every finding; write nothing"`
}

// maxPerKind caps the warnings printed of one kind: a ledger with a
// hundred late records needs to know that, not to read all hundred.
const maxPerKind = 10

// Run checks the year, prints the warnings to standard error, and writes
// the file; standard output gets its path.
func (c *ExportCmd) Run(a *App) error {
	c.Output = typedPath(c.Output)
	format, err := c.format(a)
	if err != nil {
		return err
	}
	layout, ok := model.ParseLayout(c.Layout)
	if !ok {
		return a.Bad(a.txt().BadLayout, model.CleanLine(c.Layout))
	}
	var asOf model.Date // none: the year's close when it is over, else now
	if c.AsOf != "" {
		if asOf, err = a.asOf(c.AsOf); err != nil {
			return err
		}
	}
	year, s, err := a.yearLedger(c.Year)
	if err != nil {
		return err
	}
	o := export.Options{Year: year, AsOf: asOf, Today: a.Today(), Format: format, Layout: layout, Lang: a.Lang, Path: c.Output,
		Force: c.Force, Strict: c.Strict, All: c.All, Now: a.Now(), CheckOnly: c.Check,
		Before: func(ws []export.Warning) error { a.printWarnings(ws, !c.Check); return nil }}
	if c.Output == "-" {
		o.Path, o.To = "", a.Stdout // the document itself is the output
	}
	path, ws, err := export.Write(ctxb, s, o)
	if err != nil {
		return err
	}
	if o.To != nil {
		return nil
	}
	if c.Check {
		if len(ws) == 0 {
			a.Printf("%s\n", fmt.Sprintf(a.txt().CheckClean, year))
		}
		return nil
	}
	a.Printf("%s\n", fmt.Sprintf(a.txt().Exported, model.CleanLine(path)))
	return nil
}

// format is --format, or the format -o's extension names, or Markdown
// when -o has no extension. An extension that is no format, or another
// format than --format, is refused: report.pdf must not hold Markdown.
func (c *ExportCmd) format(a *App) (export.Format, error) {
	ext := strings.TrimPrefix(filepath.Ext(c.Output), ".")
	byExt, known := export.ParseFormat(ext)
	if c.Format == "" {
		switch {
		case ext == "":
			return export.Markdown, nil
		case !known:
			return "", a.Bad(a.txt().BadExtension, model.CleanLine(c.Output), model.CleanLine(ext))
		}
		return byExt, nil
	}
	f, ok := export.ParseFormat(c.Format)
	if !ok {
		return "", a.Bad(a.txt().BadFormat, model.CleanLine(c.Format))
	}
	if known && byExt != f {
		return "", a.Bad(a.txt().FormatMismatch, model.CleanLine(c.Output), model.CleanLine(ext), f)
	}
	return f, nil
}

// warning is a finding of the check in the officer's language.
func (a *App) warning(w export.Warning) string {
	if msg, ok := catalog.PhraseKind(a.txt(), a.Lang, w.Say, w.Args); w.Say != "" && ok {
		return msg
	}
	return w.In(a.Lang)
}

// printWarnings lists the check's findings on standard error, by kind,
// at most maxPerKind of a kind when capped (export --check lists all).
func (a *App) printWarnings(ws []export.Warning, capped bool) {
	if len(ws) == 0 {
		return
	}
	a.Note(a.txt().CheckFound, len(ws))
	shown := map[export.WarningKind]int{}
	hidden := 0
	for _, w := range ws {
		if capped && shown[w.Kind] == maxPerKind {
			hidden++
			continue
		}
		shown[w.Kind]++
		fmt.Fprintln(a.Stderr, "  - "+model.CleanLine(a.warning(w)))
	}
	// One count at the end: it follows the last kind listed, so "more like
	// these" would name the wrong kind.
	if hidden > 0 {
		a.Note(a.txt().CheckMore, hidden)
	}
}

// ImportCmd loads a JSON export into the ledger.
type ImportCmd struct {
	File string `arg:"" predictor:"file" help:"taizhang export --format json 导出的文件 / a file made by taizhang export --format json" placeholder:"FILE.json"`
}

// Run imports the file in one transaction and says what it added.
func (c *ImportCmd) Run(a *App) error {
	c.File = typedPath(c.File)
	// The file is read and checked before the ledger is opened, so a bad
	// file leaves no new ledger behind.
	d, err := export.ReadFile(c.File, a.Today())
	if err != nil {
		return err
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	l, err := export.LoadFile(ctxb, s, c.File, d, a.Today())
	if err != nil {
		return err
	}
	a.Printf("%s\n", fmt.Sprintf(a.txt().Imported, model.CleanLine(c.File), l.DutiesAdded, l.DutiesMatched, l.TargetsAdded, l.RecordsAdded, l.RecordsSkipped))
	if l.ProfileFilled {
		a.Note(a.txt().ProfileFilled)
	}
	if l.DutiesFilled > 0 {
		a.Note(fmt.Sprintf(a.txt().DutiesFilled, l.DutiesFilled))
	}
	state := func(d model.Date) string {
		if d.IsZero() {
			return a.txt().StateActive
		}
		return fmt.Sprintf(a.txt().ArchivedOnDay, d)
	}
	if len(l.ArchiveKept) > 0 {
		ds, err := s.Duties(ctxb)
		if err != nil {
			return err
		}
		for _, k := range l.ArchiveKept {
			var id int64
			for _, d := range ds {
				if d.Title == k.Title && d.Archived == k.Ledger {
					id = d.ID
				}
			}
			a.Note(fmt.Sprintf(a.txt().ArchiveKept, model.CleanLine(k.Title), state(k.File), state(k.Ledger), id))
		}
	}
	return nil
}

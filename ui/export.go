package ui

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"taizhang/data/export"
	"taizhang/model"
	"taizhang/ui/cells"
)

// Exporter writes the year-end summary; main wires it to export.Write on
// the open ledger.
type Exporter func(ctx context.Context, o export.Options) (string, []export.Warning, error)

// exportForm is the x dialog: format, file, as-of date, overwrite.
type exportForm struct {
	f        *form
	year     int
	autoPath string // the path the dialog filled in, followed while the format changes
}

func newExportForm(a *App) *exportForm {
	c := a.c
	t := c.t
	ef := &exportForm{f: &form{c: c}, year: a.year}
	ef.f.title = fmt.Sprintf(t.ExportTitle, a.year)
	var names []string
	for _, f := range export.Formats {
		names = append(names, string(f))
	}
	ef.f.choice("format", t.ExportFormat, names, 0)
	ef.autoPath = export.DefaultPath(export.Options{Year: a.year, Format: export.Formats[0]})
	ef.f.text("path", t.ExportPath, ef.autoPath)
	asOf := c.today()
	if end := model.NewDate(a.year, 12, 31); end < asOf {
		asOf = end
	}
	ef.f.date("asof", t.ExportAsOf, asOf)
	ef.f.check("force", t.ExportReplace, t.ExportForce)
	ef.describe()
	return ef
}

// describe names the chosen format under the choice, and keeps the file
// name's extension in step while the officer has not typed one.
func (ef *exportForm) describe() {
	fmtField := ef.f.field("format")
	chosen := export.Formats[fmtField.choice]
	fmtField.hint = chosen.Describe(ef.f.c.lang)
	path := ef.f.field("path")
	if path.in.Value() == ef.autoPath {
		ef.autoPath = export.DefaultPath(export.Options{Year: ef.year, Format: chosen})
		path.in.SetValue(ef.autoPath)
		path.in.CursorEnd()
	}
}

func (ef *exportForm) update(a *App, msg tea.KeyPressMsg) tea.Cmd {
	cmd := ef.f.drive(a, msg, ef.submit)
	ef.describe()
	return cmd
}

type exportedMsg struct {
	path     string
	warnings []export.Warning
	err      error
}

func (ef *exportForm) submit(a *App) tea.Cmd {
	c := a.c
	f := ef.f
	f.clearErrors()
	asOf, err := model.ParseDate(strings.TrimSpace(f.value("asof")))
	if err != nil {
		f.setError("asof", model.Invalid(nil, "截至日期无效；请写成 YYYY-MM-DD。", "The as-of date is not valid; write it as YYYY-MM-DD.").In(c.lang))
		return nil
	}
	if asOf > c.today() {
		f.setError("asof", model.Invalid(nil, "截至日期晚于今天；请选今天或更早。", "The as-of date is after today; choose today or earlier.").In(c.lang))
		return nil
	}
	path := strings.TrimSpace(f.value("path"))
	if path == "" {
		f.setError("path", c.t.ExportNoPath)
		return nil
	}
	if a.opts.Export == nil {
		f.setError("", c.t.ExportUnavailable)
		return nil
	}
	o := export.Options{Year: ef.year, AsOf: asOf, Format: export.Formats[f.field("format").choice], Lang: c.lang,
		Path: path, Force: f.field("force").checked}
	f.busy = true
	do, t := a.opts.Export, c.t
	return func() tea.Msg {
		if !o.Force {
			if _, err := os.Lstat(o.Path); err == nil {
				abs, _ := filepath.Abs(o.Path)
				return exportedMsg{err: errExists{abs, t}}
			} else if !errors.Is(err, fs.ErrNotExist) {
				return exportedMsg{err: err}
			}
		}
		p, ws, err := do(context.Background(), o)
		return exportedMsg{p, ws, err}
	}
}

// errExists says, in the dialog's terms, that the file is there already.
type errExists struct {
	path string
	t    *Text
}

func (e errExists) Error() string { return e.t.ExportExists }

func (ef *exportForm) failed(a *App, err error) {
	ef.f.busy = false
	var ee errExists
	if errors.As(err, &ee) {
		ef.f.setError("path", ee.Error())
		return
	}
	ef.f.setError("", errText(err, a.c.lang))
}

func (ef *exportForm) view(w, _ int) string { return ef.f.view(min(w, 100)) }

// exported shows where the file went and what the check found.
func (a *App) exported(msg exportedMsg) tea.Cmd {
	if msg.err != nil {
		if f, ok := a.overlay.(failer); ok {
			f.failed(a, msg.err)
			return nil
		}
		return a.say(fmt.Sprintf(a.c.t.Failed, errText(msg.err, a.c.lang)), true)
	}
	a.overlay = &exportDone{c: a.c, path: msg.path, warnings: msg.warnings}
	return a.say(fmt.Sprintf(a.c.t.Exported, msg.path), false)
}

// exportDone lists the completeness check's warnings after an export.
type exportDone struct {
	c        *common
	path     string
	warnings []export.Warning
}

func (e *exportDone) update(a *App, _ tea.KeyPressMsg) tea.Cmd {
	a.overlay = nil
	return nil
}

func (e *exportDone) view(w, h int) string {
	t, st := e.c.t, e.c.st
	lines := []string{st.Title.Render(cells.Cut(fmt.Sprintf(t.Exported, e.path), w)), ""}
	if len(e.warnings) == 0 {
		lines = append(lines, st.Message.Render(cells.Cut(t.ExportClean, w)))
	} else {
		lines = append(lines, st.Heading.Render(cells.Cut(fmt.Sprintf(t.ExportWarnings, len(e.warnings)), w)))
		room := max(1, h-5)
		for i, wn := range e.warnings {
			if i == room-1 && len(e.warnings) > room {
				lines = append(lines, st.Muted.Render(cells.Cut(fmt.Sprintf(t.ExportMore, len(e.warnings)-i), w)))
				break
			}
			lines = append(lines, cells.Cut("  "+wn.In(e.c.lang), w))
		}
	}
	lines = append(lines, "", st.Muted.Render(cells.Cut(t.HelpClose, w)))
	return strings.Join(lines, "\n")
}

package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"

	"taizhang/data"
	"taizhang/data/export"
	"taizhang/model"
	"taizhang/ui/cells"
	"taizhang/ui/internal/catalog"
)

// Exporter writes the year-end summary; main wires it to export.Write on
// the open ledger.
type Exporter func(ctx context.Context, o export.Options) (string, []export.Warning, error)

// documentsDir is where an export goes unless the officer says otherwise:
// the user's documents directory, or home when there is none.
func documentsDir() string {
	if d := xdg.UserDirs.Documents; d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}

// resolvePath turns a path as typed, pasted or dropped into the file it
// names: quotes around it (Windows' copy-as-path, drag and drop) and a
// file:// prefix are dropped, a leading ~ is the home directory, and a
// relative path is taken from base.
func resolvePath(typed, base string) string {
	p := strings.TrimSpace(typed)
	for len(p) >= 2 && (p[0] == '"' && p[len(p)-1] == '"' || p[0] == '\'' && p[len(p)-1] == '\'') {
		p = strings.TrimSpace(p[1 : len(p)-1])
	}
	if strings.HasPrefix(p, "file://") {
		if u, err := url.Parse(p); err == nil {
			p = u.Path
		}
	}
	if p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, `~\`) {
		if h, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(h, p[1:])
		}
	}
	if p != "" && !filepath.IsAbs(p) && base != "" {
		p = filepath.Join(base, p)
	}
	return p
}

// exportForm is the x dialog: format, layout, file, as-of date, overwrite. The
// file is shown as the whole path it will be written to.
type exportForm struct {
	f        *form
	year     int
	dir      string // where a file name alone goes
	autoPath string // the path the dialog filled in, followed while the format changes
	w        int
}

func newExportForm(c *common, year int, dir string) *exportForm {
	t := c.t
	ef := &exportForm{f: &form{c: c}, year: year, dir: dir}
	ef.f.title = fmt.Sprintf(t.ExportTitle, year)
	var names []string
	for _, f := range export.Formats {
		names = append(names, string(f))
	}
	ef.f.choice("format", t.ExportFormat, names, 0)
	ef.f.choice("layout", t.ExportLayout, []string{t.LayoutSummary, t.LayoutReport}, 0)
	ef.autoPath = ef.defaultPath(export.Formats[0])
	ef.f.text("path", t.ExportPath, ef.autoPath).whole = true
	asOf := c.today()
	if end := model.NewDate(year, 12, 31); end < asOf {
		asOf = end
	}
	ef.f.date("asof", t.ExportAsOf, asOf)
	ef.f.check("force", t.ExportReplace, t.ExportForce)
	ef.describe()
	return ef
}

func (ef *exportForm) defaultPath(f export.Format) string {
	return filepath.Join(ef.dir, export.DefaultPath(export.Options{Year: ef.year, Format: f}))
}

// describe names the chosen format under the choice, keeps the file
// name's extension in step while the officer has not typed one, and says
// under the file where it will be written when that is not what the
// field shows.
func (ef *exportForm) describe() {
	fmtField := ef.f.field("format")
	chosen := export.Formats[fmtField.choice]
	fmtField.hint = chosen.Describe(ef.f.c.lang)
	layout := ef.f.field("layout")
	switch {
	case !hasLayout(chosen):
		layout.hint = ef.f.c.t.LayoutNone
	case layout.choice == 1:
		layout.hint = ef.f.c.t.LayoutReportHint
	default:
		layout.hint = ef.f.c.t.LayoutSummaryHint
	}
	path := ef.f.field("path")
	if path.in.Value() == ef.autoPath {
		ef.autoPath = ef.defaultPath(chosen)
		path.in.SetValue(ef.autoPath)
		path.in.CursorEnd()
	}
	path.hint = ""
	if to := resolvePath(path.in.Value(), ef.dir); to != "" {
		path.hint = fmt.Sprintf(ef.f.c.t.ExportTo, to)
	}
	// Today is judged as it stands (a period ending today still open);
	// another day at its close, as export --as-of judges it.
	asOf := ef.f.field("asof")
	asOf.hint = ef.f.c.t.ExportAsOfDay
	if d, err := model.ParseDate(strings.TrimSpace(asOf.in.Value())); err == nil && d == ef.f.c.today() {
		asOf.hint = ef.f.c.t.ExportAsOfNow
	}
}

// SetSize: the form is at most 100 cells wide.
func (ef *exportForm) SetSize(w, _ int) { ef.w = min(w, 100) }

// Update edits the dialog; a refused export shows in it.
func (ef *exportForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	if m, ok := msg.(failedMsg); ok {
		field := ""
		if errors.As(m.err, &data.ErrExists{}) {
			field = "path" // tick Replace, or change the name
		}
		ef.f.failed(m.err, field)
		return ef, nil
	}
	cmd := ef.f.step(msg, ef.submit)
	ef.describe()
	return ef, cmd
}

func (ef *exportForm) submit() {
	c := ef.f.c
	f := ef.f
	f.clearErrors()
	asOf, err := model.ParseDate(strings.TrimSpace(f.value("asof")))
	if err != nil {
		f.setError("asof", c.t.BadAsOf)
		return
	}
	if asOf > c.today() {
		f.setError("asof", c.t.FutureAsOf)
		return
	}
	path := resolvePath(f.value("path"), ef.dir)
	if path == "" {
		f.setError("path", c.t.ExportNoPath)
		return
	}
	format := export.Formats[f.field("format").choice]
	layout := model.SummaryLayout
	if f.field("layout").choice == 1 && hasLayout(format) {
		layout = model.ReportLayout
	}
	o := export.Options{Year: ef.year, AsOf: asOf, Today: c.today(), Format: format, Layout: layout, Lang: c.lang,
		Path: path, Force: f.field("force").checked}
	if asOf == c.today() {
		// Today as it stands, as the dashboard shows it: a period that
		// ends today is still open, not missed.
		o.AsOf = 0
	}
	f.saving(exportMsg{o})
}

// hasLayout reports whether a format is a document with a layout (md,
// txt, docx) rather than the ledger's data.
func hasLayout(f export.Format) bool {
	return f == export.Markdown || f == export.Text || f == export.Word
}

// ShortHelp: the form draws its own hint line.
func (ef *exportForm) ShortHelp() []key.Binding { return nil }

// FullHelp is the form's keys.
func (ef *exportForm) FullHelp() [][]key.Binding { return ef.f.fullHelp() }

// View draws the dialog.
func (ef *exportForm) View() string { return ef.f.view(ef.w) }

// warning is a finding of the check in the officer's language.
func (c *common) warning(w export.Warning) string {
	if msg, ok := catalog.PhraseKind(c.t, c.lang, w.Say, w.Args); w.Say != "" && ok {
		return model.CleanLine(msg)
	}
	return w.In(c.lang)
}

// exportedMsg reports an export.
type exportedMsg struct {
	layer    int
	path     string
	warnings []export.Warning
	err      error
}

// exportDone lists the completeness check's warnings after an export.
type exportDone struct {
	c        *common
	path     string
	warnings []export.Warning
	w, h     int
	offset   int  // the first warning shown when they scroll
	room     int  // how many warnings fit, as last drawn
	scrolls  bool // the warnings do not fit and scroll
}

// SetSize hands the list its size.
func (e *exportDone) SetSize(w, h int) { e.w, e.h = w, h }

// Update scrolls the warnings with the list keys when they do not fit;
// any other key closes it.
func (e *exportDone) Update(msg tea.Msg) (Component, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return e, nil
	}
	if e.scrolls {
		last := len(e.warnings) - e.room // the offset that shows the last finding
		move := func(d int) { e.offset = max(0, min(e.offset+d, last)) }
		if navigate(e.c.keys.List, press, move, e.room, len(e.warnings)) {
			return e, nil
		}
	}
	e.c.post(closeMsg{})
	return e, nil
}

// ShortHelp: the list says how to close it.
func (e *exportDone) ShortHelp() []key.Binding { return nil }

// FullHelp: any key closes it.
func (e *exportDone) FullHelp() [][]key.Binding { return nil }

// View lists the warnings.
func (e *exportDone) View() string {
	w, h := e.w, e.h
	t, st := e.c.t, e.c.st
	lines := []string{}
	for _, l := range wrap(fmt.Sprintf(t.Exported, model.CleanLine(e.path)), w, 3) {
		lines = append(lines, st.Title.Render(l))
	}
	lines = append(lines, "")
	if len(e.warnings) == 0 {
		lines = append(lines, st.Message.Render(cells.Cut(t.ExportClean, w)))
	} else {
		lines = append(lines, st.Heading.Render(cells.Cut(fmt.Sprintf(t.ExportWarnings, len(e.warnings)), w)))
		// Every finding can be read: when they do not all fit, the list
		// scrolls and its foot says how many lie below.
		e.room = max(1, h-len(lines)-2) // a blank line and the closing line
		e.scrolls = len(e.warnings) > e.room
		if e.scrolls {
			e.room = max(1, e.room-1) // the line saying how many lie below
		} else {
			e.offset = 0
		}
		e.offset = max(0, min(e.offset, len(e.warnings)-e.room))
		for _, wn := range e.warnings[e.offset:min(len(e.warnings), e.offset+e.room)] {
			lines = append(lines, cells.Cut("  "+e.c.warning(wn), w))
		}
		if below := len(e.warnings) - e.offset - e.room; e.scrolls && below > 0 {
			lines = append(lines, st.Muted.Render(cells.Cut(fmt.Sprintf(t.ExportMore, below), w)))
		}
	}
	closing := t.HelpClose
	if e.scrolls {
		k := e.c.keys.List
		more := key.NewBinding(key.WithKeys("down"), key.WithHelp(k.Down.Help().Key+" "+k.PageDown.Help().Key, t.KeyScroll))
		closing = hint(more) + "  " + t.HelpCloseOther
	}
	lines = append(lines, "", st.Muted.Render(cells.Cut(closing, w)))
	return strings.Join(lines, "\n")
}

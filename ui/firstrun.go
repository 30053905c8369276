package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// firstRun greets an empty ledger and offers the built-in duty sets, one
// digit each.
type firstRun struct {
	c    *common
	year func() int
	w, h int
}

func newFirstRun(c *common, year func() int) *firstRun { return &firstRun{c: c, year: year} }

// SetSize hands the screen its size.
func (f *firstRun) SetSize(w, h int) { f.w, f.h = w, h }

// Typing: the first run has no filter.
func (f *firstRun) Typing() bool { return false }

// Status: nothing to say in the status line.
func (f *firstRun) Status() string { return "" }

// Update asks for the template whose number was pressed.
func (f *firstRun) Update(msg tea.Msg) (Component, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return f, nil
	}
	i, err := strconv.Atoi(press.String())
	if err != nil || i < 1 || i > len(model.Templates) {
		return f, nil
	}
	ds, ts := model.Templates[i-1].Build(f.year(), f.c.lang)
	f.c.post(addDutiesMsg{duties: ds, targets: ts, first: true})
	return f, nil
}

// ShortHelp is the first run's hint line: the duty sets' numbers first.
func (f *firstRun) ShortHelp() []key.Binding {
	lk := f.c.keys.Ledger
	return []key.Binding{f.templates(), lk.NewDuty, lk.Import, lk.Help, lk.Quit}
}

// templates is the binding of the duty sets' numbers, 1–2.
func (f *firstRun) templates() key.Binding {
	var ks []string
	for i := range model.Templates {
		ks = append(ks, strconv.Itoa(i+1))
	}
	return key.NewBinding(key.WithKeys(ks...), key.WithHelp(ks[0]+"–"+ks[len(ks)-1], f.c.t.KeyTemplate))
}

// FullHelp is the first run's keys.
func (f *firstRun) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// View draws the welcome and the templates.
func (f *firstRun) View() string {
	w := f.w
	t, st := f.c.t, f.c.st
	var lines []string
	lines = append(lines, st.Title.Render(cells.Cut(t.FirstRunTitle, w)), "")
	for _, l := range strings.Split(t.FirstRunBody, "\n") {
		lines = append(lines, wrap(l, w, 3)...)
	}
	lines = append(lines, "")
	for i, tpl := range model.Templates {
		var names []string
		for _, d := range tpl.Duties[:min(3, len(tpl.Duties))] {
			names = append(names, model.In(d.Title, f.c.lang))
		}
		item := fmt.Sprintf("%d  %s", i+1, model.In(tpl.Title, f.c.lang))
		count := fmt.Sprintf("（%d）", len(tpl.Duties))
		if f.c.lang == model.English {
			count = fmt.Sprintf(" (%d)", len(tpl.Duties))
		}
		lines = append(lines, st.Key.Render(cells.Cut(item+count, w)))
		lines = append(lines, st.Muted.Render(cells.Cut("   "+strings.Join(names, t.ListSep)+" ..", w)))
	}
	lines = append(lines, "", cells.Cut(t.FirstRunNew, w), cells.Cut(t.FirstRunImport, w))
	return strings.Join(lines, "\n")
}

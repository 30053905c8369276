package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// recordView shows one record whole: every field, the period it counts
// for, and its note with its line breaks. From it the record can be
// edited or deleted.
type recordView struct {
	c      *common
	r      model.Record
	w, h   int
	offset int
	lines  int // the body's lines as last drawn, for scrolling

	// The record's evidence, as last read, and the item selected.
	items  []model.Evidence
	loaded bool
	sel    int
	ek     evidenceKeys
	ew     evidenceText
}

func newRecordView(c *common, r model.Record) *recordView {
	w := c.t.Evidence
	return &recordView{c: c, r: r, ew: w, ek: newEvidenceKeys(w)}
}

// SetSize hands the view its size.
func (v *recordView) SetSize(w, h int) { v.w, v.h = w, h }

// Update: e asks to edit, d to delete, the list keys scroll a long note,
// and esc (or enter, or q) closes.
func (v *recordView) Update(msg tea.Msg) (Component, tea.Cmd) {
	if m, ok := msg.(evidenceLoadedMsg); ok {
		if m.recordID == v.r.ID && m.err == nil {
			v.items, v.loaded = m.items, true
			v.sel = max(0, min(v.sel, len(v.items)-1))
		} else if m.recordID == v.r.ID {
			v.c.post(sayMsg{v.c.errText(m.err), true})
		}
		return v, nil
	}
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	k, lk := v.c.keys.List, v.c.keys.Ledger
	s := scroll{cursor: v.offset, offset: v.offset, n: max(1, v.lines-v.h+3), room: 1}
	switch {
	case key.Matches(press, v.ek.Attach):
		v.c.post(askEvidenceMsg{record: v.r})
	case key.Matches(press, v.ek.Paper):
		v.c.post(askEvidenceMsg{record: v.r, paper: true})
	case key.Matches(press, v.ek.Open) && len(v.items) > 0:
		v.c.post(openEvidenceMsg{v.items[v.sel]})
	case key.Matches(press, v.ek.Remove) && len(v.items) > 0:
		v.c.post(askRemoveEvidenceMsg{v.items[v.sel]})
	case key.Matches(press, lk.Undo):
		v.c.post(undoLastMsg{})
	case len(v.items) > 0 && key.Matches(press, k.Up):
		v.sel = max(0, v.sel-1)
	case len(v.items) > 0 && key.Matches(press, k.Down):
		v.sel = min(len(v.items)-1, v.sel+1)
	case s.keys(k, press):
		v.offset = s.cursor
	case key.Matches(press, lk.Edit):
		d := v.c.data.duties[v.r.DutyID]
		r := v.r
		v.c.post(closeMsg{})
		v.c.post(openRecordFormMsg{duty: d, record: &r})
	case key.Matches(press, lk.Delete):
		v.c.post(closeMsg{})
		v.c.post(askDeleteMsg{v.r})
	case key.Matches(press, k.Back), key.Matches(press, k.Open), key.Matches(press, lk.Quit):
		v.c.post(closeMsg{})
	}
	return v, nil
}

// ShortHelp is the view's hint line.
func (v *recordView) ShortHelp() []key.Binding {
	k, lk := v.c.keys.List, v.c.keys.Ledger
	has := len(v.items) > 0
	return []key.Binding{v.ek.Attach, v.ek.Paper, enabled(v.ek.Open, has), enabled(v.ek.Remove, has), lk.Edit, lk.Delete, k.Back}
}

// FullHelp is the view's keys.
func (v *recordView) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }

// HelpTitle names the view in its help: it takes no text, so ? is help.
func (v *recordView) HelpTitle() string {
	return fmt.Sprintf(v.c.t.RecordTitle, model.CleanLine(v.c.data.titles[v.r.DutyID]))
}

// period names the period the record counts for, with its days.
func (v *recordView) period() string {
	data := v.c.data
	if f := v.r.For; !f.IsZero() && f.Valid() { // given later for an earlier period
		per := f.Period()
		return fmt.Sprintf(v.c.t.CountsFor, f.Year, f.Cadence.Label(per, v.c.lang), per.Start, per.End)
	}
	i, ok := data.dutyIndex[v.r.DutyID]
	if !ok {
		return ""
	}
	dy := data.status.Duties[i]
	p := model.PeriodIndex(dy.Target.Cadence, data.year, v.r.Date)
	if p < 0 || p >= len(dy.Periods) {
		return ""
	}
	per := dy.Periods[p].Period
	return fmt.Sprintf(v.c.t.CountsFor, data.year, dy.Target.Cadence.Label(per, v.c.lang), per.Start, per.End)
}

// View draws the record.
func (v *recordView) View() string {
	w, h := v.w, v.h
	t, st := v.c.t, v.c.st
	r := v.r
	title := v.c.data.titles[r.DutyID]
	type row struct{ label, value string }
	rows := []row{
		{t.ColDuty, title}, {t.Date, r.Date.String()}, {t.CountsForLabel, v.period()},
		{t.Topic, r.Topic}, {t.With, r.With}, {t.Place, r.Place},
	}
	labelW := 0
	for _, x := range append(rows, row{t.Note, ""}, row{t.Entered, ""}) {
		labelW = max(labelW, cells.Width(x.label))
	}
	valueW := w - labelW - 4
	// In a narrow terminal each label stands above its value.
	stacked := valueW < 16
	if stacked {
		valueW = max(1, w-2)
	}
	var body []string
	field := func(label, value string, n int) {
		lines := wrap(value, valueW, n)
		if len(lines) == 0 {
			lines = []string{st.Muted.Render("-")}
		}
		if stacked {
			if label != "" {
				body = append(body, st.Label.Render(cells.Cut(label, w)))
			}
			for _, l := range lines {
				body = append(body, "  "+l)
			}
			return
		}
		for i, l := range lines {
			lab := strings.Repeat(" ", labelW)
			if i == 0 {
				lab = st.Label.Render(cells.Fit(label, labelW))
			}
			body = append(body, "  "+lab+"  "+l)
		}
	}
	for _, x := range rows {
		field(x.label, x.value, 4)
	}
	// The note keeps its own line breaks, each wrapped.
	note := strings.Split(strings.ReplaceAll(model.Clean(r.Note), "\r", ""), "\n")
	first := true
	for _, para := range note {
		label := ""
		if first {
			label = t.Note
		}
		if strings.TrimSpace(para) == "" && !first {
			body = append(body, "")
			continue
		}
		field(label, para, 1000)
		first = false
	}
	if !r.Created.IsZero() {
		stamp := r.Created.Local().Format("2006-01-02 15:04")
		if changed := r.Updated.Local().Format("2006-01-02 15:04"); !r.Updated.IsZero() && changed != stamp {
			stamp += "  " + fmt.Sprintf(t.Changed, changed)
		}
		field(t.Entered, stamp, 1)
	}
	body = append(body, v.evidenceLines(w)...)
	v.lines = len(body)
	room := max(1, h-2)
	v.offset = max(0, min(v.offset, len(body)-room))
	if len(body) > room {
		body = body[v.offset : v.offset+room]
	}
	lines := append([]string{st.Title.Render(cells.Cut(fmt.Sprintf(t.RecordTitle, title), w)), ""}, body...)
	return strings.Join(lines, "\n")
}

// evidenceLines are the record's evidence under its fields: a heading,
// what the duty expects, and one line an item, the selected one marked.
func (v *recordView) evidenceLines(w int) []string {
	st, ew := v.c.st, v.ew
	lines := []string{"", st.Label.Render(cells.Cut(fmt.Sprintf(ew.Head, len(v.items)), w))}
	if d, ok := v.c.data.duties[v.r.DutyID]; ok && model.CleanLine(d.Evidence) != "" {
		lines = append(lines, "  "+st.Muted.Render(cells.Cut(fmt.Sprintf(ew.Expected, model.CleanLine(d.Evidence)), w-2)))
	}
	switch {
	case !v.loaded:
		return append(lines, "  "+st.Muted.Render(cells.Cut(ew.Loading, w-2)))
	case len(v.items) == 0:
		for _, l := range wrap(ew.None, max(1, w-2), 3) {
			lines = append(lines, "  "+st.Muted.Render(l))
		}
		return lines
	}
	for i, e := range v.items {
		mark := "  "
		if i == v.sel {
			mark = "> "
		}
		text := e.Label(v.c.lang)
		if e.IsFile() {
			text += "  " + st.Muted.Render(model.HumanSize(e.Size))
		}
		line := mark + cells.Cut(text, max(1, w-2))
		if i == v.sel {
			line = st.Accent.Render(mark) + cells.Cut(e.Label(v.c.lang), max(1, w-2-cells.Width(model.HumanSize(e.Size))-2))
			if e.IsFile() {
				line += "  " + st.Muted.Render(model.HumanSize(e.Size))
			}
		}
		lines = append(lines, line)
	}
	return lines
}

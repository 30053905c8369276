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
}

func newRecordView(c *common, r model.Record) *recordView { return &recordView{c: c, r: r} }

// SetSize hands the view its size.
func (v *recordView) SetSize(w, h int) { v.w, v.h = w, h }

// Update: e asks to edit, d to delete, the list keys scroll a long note,
// and esc (or enter, or q) closes.
func (v *recordView) Update(msg tea.Msg) (Component, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return v, nil
	}
	k, lk := v.c.keys.List, v.c.keys.Ledger
	s := scroll{cursor: v.offset, offset: v.offset, n: max(1, v.lines-v.h+3), room: 1}
	switch {
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
	return []key.Binding{lk.Edit, lk.Delete, k.Back}
}

// FullHelp is the view's keys.
func (v *recordView) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }

// period names the period the record counts for, with its days.
func (v *recordView) period() string {
	data := v.c.data
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
	v.lines = len(body)
	room := max(1, h-2)
	v.offset = max(0, min(v.offset, len(body)-room))
	if len(body) > room {
		body = body[v.offset : v.offset+room]
	}
	lines := append([]string{st.Title.Render(cells.Cut(fmt.Sprintf(t.RecordTitle, title), w)), ""}, body...)
	return strings.Join(lines, "\n")
}

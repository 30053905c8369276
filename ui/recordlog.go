package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// recordLog is the year's records, newest first, filterable by duty,
// topic, participants and place (and their pinyin initials).
type recordLog struct {
	c         *common
	rows      []model.Record
	cursor    int
	offset    int
	filter    string
	filtering bool
	in        textinput.Model
}

func newRecordLog(c *common) *recordLog { return &recordLog{c: c} }

func (l *recordLog) refresh() {
	data := l.c.data
	l.rows = l.rows[:0]
	if data == nil {
		return
	}
	for _, r := range data.calendarRecords() {
		title := data.titles[r.DutyID]
		if l.filter == "" || model.Matches(title, data.initials[r.DutyID], l.filter) ||
			model.Matches(r.Topic+" "+r.With+" "+r.Place+" "+r.Note, "", l.filter) {
			l.rows = append(l.rows, r)
		}
	}
	l.cursor = max(0, min(l.cursor, len(l.rows)-1))
}

func (l *recordLog) listHeight() int { return max(1, l.c.height-headerLines-2-1) }

func (l *recordLog) move(n int) { l.cursor = max(0, min(l.cursor+n, len(l.rows)-1)) }

func (l *recordLog) clickRow(y int) {
	if i := l.offset + y - 1; y >= 1 && i >= 0 && i < len(l.rows) {
		l.cursor = i
	}
}

func (l *recordLog) selected() (model.Record, bool) {
	if l.cursor < 0 || l.cursor >= len(l.rows) {
		return model.Record{}, false
	}
	return l.rows[l.cursor], true
}

func (l *recordLog) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	k := l.c.keys
	switch {
	case key.Matches(msg, k.Up):
		l.move(-1)
	case key.Matches(msg, k.Down):
		l.move(1)
	case key.Matches(msg, k.PageUp):
		l.move(-l.listHeight())
	case key.Matches(msg, k.PageDown):
		l.move(l.listHeight())
	case key.Matches(msg, k.Top):
		l.move(-len(l.rows))
	case key.Matches(msg, k.Bottom):
		l.move(len(l.rows))
	case key.Matches(msg, k.Filter):
		l.filtering = true
		l.in = l.c.newInput(l.filter)
		l.in.Focus()
	case key.Matches(msg, k.Back):
		if l.filter != "" {
			l.filter = ""
			l.refresh()
		}
	case key.Matches(msg, k.Edit), key.Matches(msg, k.Open):
		if r, ok := l.selected(); ok {
			a.overlay = newRecordForm(a, l.c.data.duties[r.DutyID], &r)
		}
	case key.Matches(msg, k.Delete):
		if r, ok := l.selected(); ok {
			a.overlay = newConfirmDelete(a, r)
		}
	}
	return nil
}

func (l *recordLog) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		l.filtering, l.filter = false, ""
		l.refresh()
		return nil
	case "enter", "up", "down":
		l.filtering = false
		return nil
	}
	var cmd tea.Cmd
	l.in, cmd = l.in.Update(msg)
	l.filter = l.in.Value()
	l.cursor = 0
	l.refresh()
	return cmd
}

func (l *recordLog) filterLine(w int) string {
	t, st := l.c.t, l.c.st
	if l.filtering {
		l.in.SetWidth(max(4, w-cells.Width(t.Filter)-2))
		return st.Accent.Render(t.Filter) + l.in.View()
	}
	return st.Accent.Render(cells.Cut(t.Filter+l.filter, w))
}

func (l *recordLog) view(w, h int) string {
	t, st := l.c.t, l.c.st
	if !l.c.data.recordsIn {
		return st.Muted.Render(cells.Cut(t.Loading, w))
	}
	if len(l.rows) == 0 {
		if l.filter != "" {
			return st.Muted.Render(cells.Cut(fmt.Sprintf(t.NoMatch, model.CleanLine(l.filter)), w))
		}
		return st.Muted.Render(cells.Cut(t.NoRecords, w))
	}
	cols := recordColumnsWithDuty(w - 2)
	headRow := rowOf(cols, t.ColDate, t.ColDuty, t.ColTopic, t.ColWith, t.ColPlace)
	var b strings.Builder
	b.WriteString(st.Muted.Render("  " + headRow))
	room := h - 1
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+room {
		l.offset = l.cursor - room + 1
	}
	for i := l.offset; i < len(l.rows) && i < l.offset+room; i++ {
		r := l.rows[i]
		row := recordRow(r, l.c.data.titles[r.DutyID], cols)
		b.WriteString("\n")
		if i == l.cursor {
			b.WriteString(st.Marker.Render("> ") + st.Selected.Render(row))
		} else {
			b.WriteString("  " + row)
		}
	}
	return b.String()
}

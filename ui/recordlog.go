package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// recordLog is the year's records, newest first, filterable by duty,
// topic, participants and place (and their pinyin initials).
type recordLog struct {
	c      *common
	rows   []model.Record
	cursor int
	offset int
	filter filterBox
}

func newRecordLog(c *common) *recordLog { return &recordLog{c: c, filter: filterBox{c: c}} }

func (l *recordLog) refresh() {
	data := l.c.data
	l.rows = l.rows[:0]
	if data == nil {
		return
	}
	for _, r := range data.calendarRecords() {
		title := data.titles[r.DutyID]
		if f := l.filter.text; f == "" || model.Matches(title, data.initials[r.DutyID], f) ||
			model.Matches(r.Date.String()+" "+r.Topic+" "+r.With+" "+r.Place+" "+r.Note, "", f) {
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
	if navigate(k, msg, l.move, l.listHeight(), len(l.rows)) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		l.filter.start()
	case key.Matches(msg, k.Back):
		if l.filter.clear() {
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
	changed, move, cmd := l.filter.key(msg)
	if changed {
		l.cursor = 0
		l.refresh()
	}
	l.move(move)
	return cmd
}

func (l *recordLog) filterLine(w int) string { return l.filter.line(w, len(l.rows) == 0) }

func (l *recordLog) view(w, h int) string {
	t, st := l.c.t, l.c.st
	if !l.c.data.recordsIn {
		return st.Muted.Render(cells.Cut(t.Loading, w))
	}
	if len(l.rows) == 0 {
		if l.filter.text != "" {
			return st.Muted.Render(cells.Cut(fmt.Sprintf(t.NoRecordMatch, model.CleanLine(l.filter.text)), w))
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

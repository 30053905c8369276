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
// topic, participants and place (and their pinyin initials). The year's
// records are those dated in it and those given later for one of its
// periods (the year-end report given in January): such a record is listed
// in both years, its period named before its topic, as records does on the
// command line.
type recordLog struct {
	c      *common
	rows   []model.Record
	list   scroll
	filter filterBox
	w, h   int
	// longest is the widest duty title among the rows, for the column.
	longest int
}

func newRecordLog(c *common) *recordLog { return &recordLog{c: c, filter: filterBox{c: c}} }

func (l *recordLog) refresh() {
	data := l.c.data
	l.rows = l.rows[:0]
	l.longest = 0
	if data == nil {
		return
	}
	widths := map[int64]int{}
	for _, r := range data.records {
		if r.Date.Year() != data.year && (r.For.IsZero() || r.For.Year != data.year) {
			continue
		}
		title := data.titles[r.DutyID]
		if f := l.filter.text; f == "" || model.Matches(title, data.initials[r.DutyID], f) ||
			model.Matches(r.Date.String()+" "+l.topic(r)+" "+r.With+" "+r.Place+" "+r.Note, "", f) {
			l.rows = append(l.rows, r)
			if _, ok := widths[r.DutyID]; !ok {
				widths[r.DutyID] = cells.Width(title)
				l.longest = max(l.longest, widths[r.DutyID])
			}
		}
	}
	l.list.setLen(len(l.rows))
}

// SetSize hands the log its size: a heading, then the rows.
func (l *recordLog) SetSize(w, h int) {
	l.w, l.h = w, h
	l.list.setRoom(h - 1)
}

func (l *recordLog) move(n int) { l.list.move(n) }

func (l *recordLog) clickRow(y int) { l.list.click(y - 1) }

func (l *recordLog) selected() (model.Record, bool) {
	if l.list.cursor < 0 || l.list.cursor >= len(l.rows) {
		return model.Record{}, false
	}
	return l.rows[l.list.cursor], true
}

// Typing reports that the filter takes every key.
func (l *recordLog) Typing() bool { return l.filter.typing }

// Status is the filter line while there is a filter.
func (l *recordLog) Status() string {
	return l.filter.line(l.w, len(l.rows) == 0, l.c.t.NoRecordMatch)
}

// Update moves, filters, and asks to show, edit or delete a record.
func (l *recordLog) Update(msg tea.Msg) (Component, tea.Cmd) {
	if l.filter.takes(msg) {
		return l, l.filterUpdate(msg)
	}
	switch msg := msg.(type) {
	case dataMsg:
		l.refresh()
	case tea.KeyPressMsg:
		l.key(msg)
	}
	return l, nil
}

func (l *recordLog) key(msg tea.KeyPressMsg) {
	k, lk := l.c.keys.List, l.c.keys.Ledger
	if l.list.keys(k, msg) {
		return
	}
	r, ok := l.selected()
	switch {
	case key.Matches(msg, k.Filter):
		l.filter.start()
	case key.Matches(msg, k.Back):
		if l.filter.clear() {
			l.refresh()
		}
	case !ok:
	case key.Matches(msg, k.Open):
		l.c.post(openRecordMsg{r})
	case key.Matches(msg, lk.Edit):
		l.c.post(openRecordFormMsg{duty: l.c.data.duties[r.DutyID], record: &r})
	case key.Matches(msg, lk.Delete):
		l.c.post(askDeleteMsg{r})
	}
}

func (l *recordLog) filterUpdate(msg tea.Msg) tea.Cmd {
	changed, move, cmd := l.filter.update(msg)
	if changed {
		l.list.cursor = 0
		l.refresh()
	}
	l.move(move)
	return cmd
}

// ShortHelp is the hint line of the log.
func (l *recordLog) ShortHelp() []key.Binding {
	k, lk := l.c.keys.List, l.c.keys.Ledger
	_, ok := l.selected()
	return []key.Binding{enabled(k.Open, ok), enabled(lk.Edit, ok), enabled(lk.Delete, ok), k.Filter, lk.Undo, lk.NextView, lk.Help, lk.Quit}
}

// FullHelp is every key of the log.
func (l *recordLog) FullHelp() [][]key.Binding {
	k, lk := l.c.keys.List, l.c.keys.Ledger
	_, ok := l.selected()
	return [][]key.Binding{moving(k, enabled(k.Open, ok), k.Filter), {enabled(lk.Edit, ok), enabled(lk.Delete, ok)}}
}

// View draws the log in its size.
func (l *recordLog) View() string {
	w := l.w
	t, st := l.c.t, l.c.st
	if l.c.data == nil || !l.c.data.recordsIn {
		return st.Muted.Render(cells.Cut(t.Loading, w))
	}
	if len(l.rows) == 0 {
		if l.filter.text != "" {
			return st.Muted.Render(cells.Cut(fmt.Sprintf(t.NoRecordMatch, model.CleanLine(l.filter.text)), w))
		}
		return st.Muted.Render(cells.Cut(t.NoRecords, w))
	}
	cols := recordColumnsWithDuty(w-2, l.longest)
	headRow := rowOf(cols, t.ColDate, t.ColDuty, t.ColTopic, t.ColWith, t.ColPlace)
	var b strings.Builder
	b.WriteString(st.Muted.Render("  " + headRow))
	from, to := l.list.window()
	for i := from; i < to; i++ {
		r := l.rows[i]
		row := rowOf(cols, r.Date.String(), l.c.data.titles[r.DutyID], l.topic(r), r.With, r.Place)
		b.WriteString("\n")
		if i == l.list.cursor {
			b.WriteString(st.Marker.Render("> ") + st.Selected.Render(row))
		} else {
			b.WriteString("  " + row)
		}
	}
	return b.String()
}

// topic is a record's topic as the log shows it: for a record given for
// an earlier period, that period first (〔计入2025年下半年〕年终报告).
func (l *recordLog) topic(r model.Record) string {
	if r.For.IsZero() {
		return r.Topic
	}
	if l.c.lang == model.English {
		return "[" + l.c.t.CountsForLabel + " " + r.For.Label(l.c.lang) + "] " + r.Topic
	}
	return "〔" + l.c.t.CountsForLabel + r.For.Label(l.c.lang) + "〕" + r.Topic
}

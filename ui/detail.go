package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
	"taizhang/ui/cells"
)

// detail is one duty: its requirement in words, basis, a strip of the
// year's periods coloured by state, and its records.
type detail struct {
	c    *common
	open bool // it has the keys (full screen, or beside the list when wide)
	id   int64
	list scroll // over the duty's records
	w, h int
	// recordsTop is the body row of the first record, as last drawn, so a
	// click can find the record under it.
	recordsTop int
}

func newDetail(c *common) *detail { return &detail{c: c} }

// show points the detail at a duty, starting at its newest record.
func (d *detail) show(id int64) {
	if id != d.id {
		d.id, d.list = id, scroll{}
	}
	d.list.setLen(len(d.records()))
}

// SetSize hands the detail its size.
func (d *detail) SetSize(w, h int) { d.w, d.h = w, h }

func (d *detail) current() (model.DutyYear, bool) {
	data := d.c.data
	if data == nil {
		return model.DutyYear{}, false
	}
	i, ok := data.dutyIndex[d.id]
	if !ok {
		return model.DutyYear{}, false
	}
	return data.status.Duties[i], true
}

func (d *detail) records() []model.Record {
	dy, ok := d.current()
	if !ok {
		return nil
	}
	return d.c.data.dutyRecords(dy)
}

func (d *detail) selectedRecord() (model.Record, bool) {
	rs := d.records()
	if d.list.cursor < 0 || d.list.cursor >= len(rs) {
		return model.Record{}, false
	}
	return rs[d.list.cursor], true
}

func (d *detail) move(n int) { d.list.move(n) }

func (d *detail) clickRow(y int) {
	if y >= d.recordsTop {
		d.list.click(y - d.recordsTop)
	}
}

// Update moves through the records and asks for what the keys mean on
// the duty or the selected record.
func (d *detail) Update(msg tea.Msg) (Component, tea.Cmd) {
	switch msg := msg.(type) {
	case dataMsg:
		d.list.setLen(len(d.records()))
	case tea.KeyPressMsg:
		d.key(msg)
	}
	return d, nil
}

func (d *detail) key(msg tea.KeyPressMsg) {
	k, lk := d.c.keys.List, d.c.keys.Ledger
	dy, ok := d.current()
	if !ok {
		d.c.post(closeDetailMsg{})
		return
	}
	if d.list.keys(k, msg) {
		return
	}
	r, hasRecord := d.selectedRecord()
	switch {
	case key.Matches(msg, k.Back):
		d.c.post(closeDetailMsg{})
	case key.Matches(msg, k.Open):
		if hasRecord {
			d.c.post(openRecordMsg{r})
		}
	case key.Matches(msg, lk.Tick):
		d.c.post(tickMsg{dy.Duty})
	case key.Matches(msg, lk.Add):
		d.c.post(openRecordFormMsg{duty: dy.Duty})
	case key.Matches(msg, lk.EditDuty):
		d.c.post(openDutyFormMsg{&dy})
	case key.Matches(msg, lk.Excuse):
		d.c.post(openExcuseMsg{dy})
	case key.Matches(msg, lk.Edit):
		if hasRecord {
			d.c.post(openRecordFormMsg{duty: dy.Duty, record: &r})
		} else {
			d.c.post(openDutyFormMsg{&dy})
		}
	case key.Matches(msg, lk.Delete):
		if hasRecord {
			d.c.post(askDeleteMsg{r})
		} else {
			d.c.post(sayMsg{d.c.t.NeedRecord, true})
		}
	}
}

// Typing: the detail has no filter.
func (d *detail) Typing() bool { return false }

// Status: nothing to say in the status line.
func (d *detail) Status() string { return "" }

// ShortHelp is the hint line of an open duty.
func (d *detail) ShortHelp() []key.Binding {
	k, lk := d.c.keys.List, d.c.keys.Ledger
	_, hasRecord := d.selectedRecord()
	return []key.Binding{lk.Tick, lk.Add, enabled(k.Open, hasRecord), lk.Edit, enabled(lk.Delete, hasRecord), lk.EditDuty, lk.Undo, k.Back, lk.Help}
}

// FullHelp is every key of an open duty.
func (d *detail) FullHelp() [][]key.Binding {
	k, lk := d.c.keys.List, d.c.keys.Ledger
	_, hasRecord := d.selectedRecord()
	return [][]key.Binding{moving(k, enabled(k.Open, hasRecord), k.Back),
		{lk.Tick, lk.Add, lk.Edit, enabled(lk.Delete, hasRecord), lk.EditDuty, lk.Excuse}}
}

// View draws the duty in its size.
func (d *detail) View() string {
	w, h := d.w, d.h
	dy, ok := d.current()
	t, st, lang := d.c.t, d.c.st, d.c.lang
	if !ok {
		return st.Muted.Render(cells.Cut(t.NeedDuty, w))
	}
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	add(st.Title.Render(cells.Cut(d.c.dutyTitle(dy.Duty), w)))
	rule := dy.Duty.Category.Name(lang) + "  " + dy.Target.Requirement(lang)
	progress, badge := dy.Progress(lang), dy.Badge(lang)
	line := rule + "  " + progress
	if cells.Width(line)+2+cells.Width(badge) > w {
		// Too narrow for one line: the rule on its own, so that the
		// progress and the verdict are never the part cut off.
		add(cells.Cut(rule, w))
		line = progress
	}
	line = cells.Cut(line, w)
	if rest := w - cells.Width(line) - 2; rest > 0 {
		line += "  " + st.Status(dy.Status).Render(cells.Cut(badge, rest))
	}
	if !dy.NextDue.IsZero() {
		due := "  " + t.ColDue + " " + dy.NextDue.String()
		if cells.Width(ansi.Strip(line))+cells.Width(due) <= w {
			line += st.Muted.Render(due)
		}
	}
	add(line)
	if dy.Duty.Basis != "" {
		for _, l := range wrap(t.Basis+t.Colon+dy.Duty.Basis, w, 2) {
			add(st.Muted.Render(l))
		}
	}
	if dy.Duty.Description != "" {
		for _, l := range wrap(t.Description+t.Colon+dy.Duty.Description, w, 2) {
			add(st.Muted.Render(l))
		}
	}
	if dy.Coverage != nil {
		add("")
		for _, l := range coverageLines(d.c, dy, w) {
			add(l)
		}
	}
	add("")
	lines = append(lines, d.strip(dy, w)...)
	add(st.Muted.Render(cells.Cut(t.Legend, w)))
	add("")
	rs := d.records()
	if !d.c.data.recordsIn {
		// Not read yet: no count, rather than a count of nothing.
		add(st.Heading.Render(cells.Cut(t.Records, w)))
		d.recordsTop = len(lines)
		add(st.Muted.Render(cells.Cut(t.Loading, w)))
		return strings.Join(lines, "\n")
	}
	add(st.Heading.Render(cells.Cut(fmt.Sprintf(t.Counted, t.Records, len(rs)), w)))
	d.recordsTop = len(lines)
	if len(rs) == 0 {
		add(st.Muted.Render(cells.Cut(t.NoRecords, w)))
		return strings.Join(lines, "\n")
	}
	d.list.setLen(len(rs))
	d.list.setRoom(h - len(lines))
	cols := recordColumns(w - 2)
	from, to := d.list.window()
	for i := from; i < to; i++ {
		row := recordRow(rs[i], "", cols)
		if i == d.list.cursor && d.open {
			add(st.Marker.Render("> ") + st.Selected.Render(row))
		} else {
			add("  " + row)
		}
	}
	return strings.Join(lines, "\n")
}

// strip draws the year's periods as cells (label over count and state
// mark), wrapped into as many bands of even length as the width needs.
func (d *detail) strip(dy model.DutyYear, w int) []string {
	st, lang := d.c.st, d.c.lang
	labels := make([]string, len(dy.Periods))
	cellW := 0
	for i, p := range dy.Periods {
		labels[i] = dy.Target.Cadence.Label(p.Period, lang)
		if dy.Target.Cadence == model.Week {
			labels[i] = fmt.Sprint(i + 1)
		}
		cellW = max(cellW, cells.Width(labels[i]), len(fmt.Sprint(p.Count))+1)
	}
	cellW++ // a space between cells
	perBand := max(1, w/cellW)
	// Bands of even length: twelve months as 6 and 6, not 10 and 2.
	if bands := (len(dy.Periods) + perBand - 1) / perBand; bands > 1 {
		perBand = (len(dy.Periods) + bands - 1) / bands
	}
	var out []string
	for start := 0; start < len(dy.Periods); start += perBand {
		end := min(len(dy.Periods), start+perBand)
		var top, bottom strings.Builder
		for i := start; i < end; i++ {
			p := dy.Periods[i]
			top.WriteString(st.Muted.Render(cells.FitRight(labels[i], cellW-1)) + " ")
			val := fmt.Sprint(p.Count) + stateMark(p.State)
			switch p.State {
			case model.Exempt:
				val = stateMark(p.State)
			case model.Excused:
				val = excusedMark(d.c.lang)
			}
			bottom.WriteString(st.State(p.State).Render(cells.FitRight(val, cellW-1)) + " ")
		}
		out = append(out, strings.TrimRight(top.String(), " "), strings.TrimRight(bottom.String(), " "))
	}
	return out
}

// recordCols are the widths of a record row: date, duty, topic, with, place.
type recordCols struct{ date, duty, topic, with, place int }

// recordColumns shares w cells among a record's fields; duty is 0 when
// the duty is known from context.
func recordColumns(w int) recordCols {
	c := recordCols{date: 10}
	rest := w - c.date - 2
	switch {
	case rest < 16:
		c.topic = max(0, rest)
	case rest < 50:
		c.topic = rest * 6 / 10
		c.with = rest - c.topic - 2
	default:
		c.topic = rest * 45 / 100
		c.with = rest * 30 / 100
		c.place = rest - c.topic - c.with - 4
	}
	return c
}

// recordColumnsWithDuty adds the duty's column: a third of a narrow
// screen, 20 cells, and on a wide screen as much as the longest title
// needs, up to a third of it.
func recordColumnsWithDuty(w, longest int) recordCols {
	if w < 60 {
		c := recordColumns(w - 2 - w/3)
		c.duty = w / 3
		return c
	}
	duty := 20
	if w >= 100 {
		duty = max(20, min(longest, w/3))
	}
	c := recordColumns(w - duty - 2)
	c.duty = duty
	return c
}

// recordRow lays a record out in the given columns.
func recordRow(r model.Record, duty string, c recordCols) string {
	return rowOf(c, r.Date.String(), duty, r.Topic, r.With, r.Place)
}

// rowOf lays out the cells of a record row (or its heading).
func rowOf(c recordCols, date, duty, topic, with, place string) string {
	parts := []string{cells.Fit(date, c.date)}
	for _, p := range []struct {
		w    int
		text string
	}{{c.duty, duty}, {c.topic, topic}, {c.with, with}, {c.place, place}} {
		if p.w > 0 {
			parts = append(parts, cells.Fit(p.text, p.w))
		}
	}
	return strings.TrimRight(strings.Join(parts, "  "), " ")
}

// wrap breaks text into at most n lines of w cells, the last cut short.
func wrap(s string, w, n int) []string {
	s = model.CleanLine(s)
	var out []string
	for s != "" && len(out) < n {
		if cells.Width(s) <= w || len(out) == n-1 {
			out = append(out, cells.Cut(s, w))
			break
		}
		head := breakAt(s, ansi.Truncate(s, w, ""))
		out = append(out, strings.TrimRight(head, " "))
		s = strings.TrimLeft(s[len(head):], " ")
	}
	return out
}

// breakAt moves a line break back from the end of head (a prefix of s
// that fits) to where a reader expects one: after a space rather than in
// the middle of an English word, and never before closing punctuation
// such as ， 。 ： 、 ）, which must not begin a line.
func breakAt(s, head string) string {
	rest := s[len(head):]
	if rest == "" || head == "" {
		return head
	}
	next, _ := utf8.DecodeRuneInString(rest)
	// Closing marks may come in a row (）：): step back over all of them.
	for i := 0; i < 4 && strings.ContainsRune("，。：；、）」』》！？,.:;)!?", next); i++ {
		r, size := utf8.DecodeLastRuneInString(head)
		if size >= len(head) {
			break
		}
		head, next = head[:len(head)-size], r
	}
	// Then not inside an English word (which stepping back may have
	// brought the break into: art. 21 is not ar / t. 21).
	last, _ := utf8.DecodeLastRuneInString(head)
	if next != ' ' && last != ' ' && isWordRune(next) && isWordRune(last) {
		if i := strings.LastIndexByte(head, ' '); i > len(head)/2 {
			return head[:i+1]
		}
	}
	return head
}

func isWordRune(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

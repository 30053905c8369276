package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// dashRow is a line of the dashboard: a category heading or a duty.
type dashRow struct {
	header bool
	cat    model.Category
	count  int // duties under a heading
	idx    int // the duty's index in status.Duties
}

// dashboard is the year at a glance: duties grouped by category, each with
// a progress bar, its status and its next due date.
type dashboard struct {
	c      *common
	rows   []dashRow
	cursor int   // index into rows; always a duty row when there is one
	sel    int64 // the selected duty, kept across reloads
	offset int   // first row shown
	filter filterBox
	// drawn caches the unselected rows as drawn at width drawnW: rows
	// change only when the year is reloaded or the terminal resized, so a
	// key press redraws just the rows whose selection changed.
	drawn  map[int]string
	drawnW int
	countW int // the widest progress among the rows: numbers and unit, or 名单未填
	numW   int // the widest numbers in it (5/6, 7/9)
	unitW  int // the widest unit after a per-person duty's count (人, " people")
	badgeW int // the widest status with its verdict beside it, among the rows where they differ
	w, h   int
}

func newDashboard(c *common) *dashboard { return &dashboard{c: c, filter: filterBox{c: c}} }

// refresh rebuilds the rows from the loaded year and the filter, keeping
// the selected duty selected when it is still there.
func (d *dashboard) refresh() {
	keep := d.sel
	d.rows = d.rows[:0]
	d.drawn = nil
	d.countW, d.numW, d.unitW, d.badgeW = 0, 0, 0, 0
	data := d.c.data
	if data == nil {
		return
	}
	var cur model.Category
	head := -1
	for i, dy := range data.status.Duties {
		if !model.Matches(dy.Duty.Title, data.initials[dy.Duty.ID], d.filter.text) {
			continue
		}
		if head < 0 || dy.Duty.Category != cur {
			cur = dy.Duty.Category
			head = len(d.rows)
			d.rows = append(d.rows, dashRow{header: true, cat: cur})
		}
		d.rows[head].count++
		d.rows = append(d.rows, dashRow{idx: i})
		num, unit := progressParts(dy, d.c.lang)
		if num == "" {
			d.countW = max(d.countW, cells.Width(unit))
		} else {
			d.numW, d.unitW = max(d.numW, cells.Width(num)), max(d.unitW, cells.Width(unit))
		}
		if dy.VerdictDiffers() {
			d.badgeW = max(d.badgeW, cells.Width(dy.Badge(d.c.lang)))
		}
	}
	d.cursor = cursorOn(len(d.rows), d.heading, func(i int) int64 { return data.status.Duties[d.rows[i].idx].Duty.ID }, keep)
	d.clamp()
}

// selectID puts the cursor on a duty, when it is listed.
func (d *dashboard) selectID(id int64) {
	for i, r := range d.rows {
		if !r.header && d.c.data.status.Duties[r.idx].Duty.ID == id {
			d.cursor = i
			d.clamp()
			return
		}
	}
}

// selected is the duty under the cursor.
func (d *dashboard) selected() (model.DutyYear, bool) {
	if d.c.data == nil || d.cursor < 0 || d.cursor >= len(d.rows) || d.rows[d.cursor].header ||
		d.rows[d.cursor].idx >= len(d.c.data.status.Duties) {
		return model.DutyYear{}, false
	}
	return d.c.data.status.Duties[d.rows[d.cursor].idx], true
}

func (d *dashboard) selectedID() int64 {
	if dy, ok := d.selected(); ok {
		return dy.Duty.ID
	}
	return 0
}

// SetSize hands the dashboard its size.
func (d *dashboard) SetSize(w, h int) {
	if w != d.w {
		d.drawn = nil
	}
	d.w, d.h = w, h
	d.clamp()
}

// listHeight is how many rows fit under the column heading.
func (d *dashboard) listHeight() int { return max(1, d.h-1) }

// move steps the cursor n duty rows, skipping headings.
func (d *dashboard) move(n int) {
	d.cursor = stepOverHeadings(d.cursor, n, len(d.rows), d.heading)
	d.clamp()
}

func (d *dashboard) heading(i int) bool { return d.rows[i].header }

// clamp keeps the cursor's row, and its heading when possible, in view,
// and remembers which duty is selected.
func (d *dashboard) clamp() {
	d.sel = d.selectedID()
	d.offset = offsetUnderHeading(d.cursor, d.offset, len(d.rows), d.listHeight(), d.heading)
}

// clickRow selects the duty on body row y; it reports whether that duty
// was already selected (a second click opens it).
func (d *dashboard) clickRow(y int) bool {
	i := d.offset + y - 1 // the column heading takes the first body row
	if y < 1 || i < 0 || i >= len(d.rows) || d.rows[i].header {
		return false
	}
	was := i == d.cursor
	d.cursor = i
	d.clamp()
	return was
}

// Typing reports that the filter takes every key.
func (d *dashboard) Typing() bool { return d.filter.typing }

// Status is the filter line while there is a filter.
func (d *dashboard) Status() string { return d.filter.line(d.w, len(d.rows) == 0, d.c.t.NoMatch) }

// Update moves the cursor, filters, and asks for what the keys mean on
// the selected duty.
func (d *dashboard) Update(msg tea.Msg) (Component, tea.Cmd) {
	if d.filter.takes(msg) {
		return d, d.filterUpdate(msg)
	}
	switch msg := msg.(type) {
	case dataMsg:
		d.refresh()
	case tea.KeyPressMsg:
		return d, d.key(msg)
	}
	return d, nil
}

func (d *dashboard) key(msg tea.KeyPressMsg) tea.Cmd {
	k, lk := d.c.keys.List, d.c.keys.Ledger
	data := d.c.data
	if data == nil || len(data.status.Duties) == 0 {
		return nil
	}
	if navigate(k, msg, d.move, d.listHeight(), len(d.rows)) {
		return nil
	}
	dy, ok := d.selected()
	switch {
	case key.Matches(msg, k.Filter):
		d.filter.start()
	case key.Matches(msg, k.Back):
		if d.filter.clear() {
			d.refresh()
		}
	case !ok:
	case key.Matches(msg, k.Open):
		d.c.post(openDetailMsg{dy.Duty.ID})
	case key.Matches(msg, lk.Tick):
		d.c.post(tickMsg{dy.Duty})
	case key.Matches(msg, lk.Add):
		d.c.post(openRecordFormMsg{duty: dy.Duty})
	case key.Matches(msg, lk.Edit), key.Matches(msg, lk.EditDuty):
		d.c.post(openDutyFormMsg{&dy})
	}
	return nil
}

// filterUpdate edits the filter as it is typed; the list follows each key.
func (d *dashboard) filterUpdate(msg tea.Msg) tea.Cmd {
	changed, move, cmd := d.filter.update(msg)
	if changed {
		d.refresh()
	}
	d.move(move)
	return cmd
}

// ShortHelp is the hint line of the dashboard.
func (d *dashboard) ShortHelp() []key.Binding {
	k, lk := d.c.keys.List, d.c.keys.Ledger
	data := d.c.data
	if data == nil || len(data.status.Duties) == 0 {
		return []key.Binding{lk.NewDuty, enabled(lk.Carry, data != nil && data.prevYear), lk.Import, lk.PrevYear, lk.NextYear, lk.Help, lk.Quit}
	}
	return []key.Binding{lk.Tick, lk.Add, k.Open, k.Filter, lk.Export, lk.NextView, lk.PrevYear, lk.NextYear, lk.Help, lk.Quit}
}

// FullHelp is every key of the dashboard, for the help screen: moving
// through the duties, then what it does to the one selected.
func (d *dashboard) FullHelp() [][]key.Binding {
	k, lk := d.c.keys.List, d.c.keys.Ledger
	data := d.c.data
	if data == nil || len(data.status.Duties) == 0 {
		return [][]key.Binding{d.ShortHelp()}
	}
	return [][]key.Binding{moving(k, k.Open, k.Filter), {lk.Tick, lk.Add, lk.EditDuty}}
}

// columns are the widths of a duty row's parts at width w.
type dashColumns struct {
	title, bar, count, status, due int
	// unit is the part of count after the numbers (人, " people"), so
	// that 5/6 and 1/2 people keep their numbers in line.
	unit int
}

// minTitleWithBadge is the narrowest title column the status may widen
// into for the year verdict beside it.
const minTitleWithBadge = 16

func (d *dashboard) columns(w int) dashColumns {
	c := dashColumns{count: max(5, d.countW, d.numW+d.unitW), unit: d.unitW}
	for _, s := range model.Statuses {
		c.status = max(c.status, cells.Width(s.Name(d.c.lang)))
	}
	if w >= 60 {
		c.bar, c.due = 10, 5
	}
	used := 2 + 1 + c.count + 1 + c.status
	if c.bar > 0 {
		used += 1 + c.bar + 1 + c.due
	}
	// Where there is room — a title still readable beside it — the status
	// carries the year verdict when they differ (临期 · 全年未达标): a duty
	// due soon whose year is already lost must not read as merely due
	// soon. The detail always shows both.
	if more := d.badgeW - c.status; more > 0 && w-used-more >= minTitleWithBadge {
		c.status += more
		used += more
	}
	// In a very narrow terminal the count goes first, then the status
	// word, so that a title is still readable.
	if w-used < 6 {
		used -= 1 + c.count
		c.count = 0
	}
	if w-used < 6 {
		used -= 1 + c.status
		c.status = 0
	}
	c.title = max(4, w-used)
	return c
}

// View draws the list in its size.
func (d *dashboard) View() string {
	w, h := d.w, d.h
	data := d.c.data
	if data == nil {
		return ""
	}
	t, st := d.c.t, d.c.st
	if len(data.status.Duties) == 0 {
		s := st.Heading.Render(cells.Cut(fmt.Sprintf(t.EmptyYear, data.year), w))
		if data.prevYear {
			lk := d.c.keys.Ledger
			carry := key.NewBinding(key.WithKeys("c"), key.WithHelp(lk.Carry.Help().Key, fmt.Sprintf(t.CarryFrom, data.year-1)))
			s += "\n\n" + st.Muted.Render(cells.Cut(strings.ReplaceAll(hint(lk.NewDuty, carry, lk.Help), "  ", "   "), w))
		} else {
			s += "\n\n" + st.Muted.Render(cells.Cut(t.KeyNewDuty+": "+d.c.keys.Ledger.NewDuty.Help().Key, w))
		}
		return s
	}
	if len(d.rows) == 0 {
		return st.Muted.Render(cells.Cut(fmt.Sprintf(t.NoMatch, model.CleanLine(d.filter.text)), w))
	}
	col := d.columns(w)
	if d.drawn == nil || d.drawnW != w {
		d.drawn, d.drawnW = map[int]string{}, w
	}
	var b strings.Builder
	head := "  " + cells.Fit(t.ColDuty, col.title)
	if col.bar > 0 {
		head += " " + cells.Fit(t.ColProgress, col.bar)
	}
	if col.count > 0 {
		head += " " + cells.FitRight("", col.count)
	}
	if col.status > 0 {
		head += " " + cells.Fit(t.ColStatus, col.status)
	}
	if col.due > 0 {
		head += " " + cells.Fit(t.ColDue, col.due)
	}
	b.WriteString(st.Muted.Render(strings.TrimRight(head, " ")))
	end := min(len(d.rows), d.offset+h-1)
	for i := d.offset; i < end; i++ {
		b.WriteString("\n")
		r := d.rows[i]
		if r.header {
			name := fmt.Sprintf(d.c.t.Counted, r.cat.Name(d.c.lang), r.count)
			b.WriteString(st.Heading.Render(cells.Cut(name, w)))
			continue
		}
		if i == d.cursor {
			b.WriteString(d.rowView(data.status.Duties[r.idx], col, true))
			continue
		}
		row, ok := d.drawn[i]
		if !ok {
			row = d.rowView(data.status.Duties[r.idx], col, false)
			d.drawn[i] = row
		}
		b.WriteString(row)
	}
	return b.String()
}

func (d *dashboard) rowView(dy model.DutyYear, col dashColumns, selected bool) string {
	st := d.c.st
	marker := "  "
	title := cells.Fit(d.c.dutyTitle(dy.Duty), col.title)
	if selected {
		marker = st.Marker.Render("> ")
		title = st.Selected.Render(title)
	}
	var b strings.Builder
	b.WriteString(marker + title)
	if col.bar > 0 {
		n, total := dy.Credited, dy.Required
		if c := dy.Coverage; c != nil {
			n, total = c.Covered(), len(c.Required)
		}
		bar := progressBar(st, n, total, col.bar)
		if c := dy.Coverage; c != nil && c.Unfilled {
			bar = strings.Repeat(" ", col.bar) // nobody to count: no bar, only 名单未填
		}
		b.WriteString(" " + bar)
	}
	if col.count > 0 {
		num, unit := progressParts(dy, d.c.lang)
		cell := cells.FitRight(unit, col.count) // 名单未填: the whole cell
		if num != "" {
			cell = cells.FitRight(num, col.count-col.unit) + cells.Pad(unit, col.unit) // the unit is the catalogue's, clean
		}
		b.WriteString(" " + cell)
	}
	if col.status > 0 {
		word := dy.Status.Name(d.c.lang)
		if badge := dy.Badge(d.c.lang); cells.Width(badge) <= col.status {
			word = badge
		}
		if c := dy.Coverage; c != nil && c.Unfilled {
			word = "" // the progress says the group is empty; nothing is yet to start
		}
		b.WriteString(" " + st.Status(dy.Status).Render(cells.Fit(word, col.status)))
	}
	if col.due > 0 {
		due := ""
		if !dy.NextDue.IsZero() {
			due = dy.NextDue.String()[5:]
		}
		b.WriteString(" " + st.Muted.Render(cells.Fit(due, col.due)))
	}
	return b.String()
}

// progressBar draws n of total in w cells with ASCII marks: # done, - to do.
func progressBar(st *Styles, n, total, w int) string {
	filled := 0
	if total > 0 {
		filled = min(w, (n*w+total/2)/total)
	}
	return st.BarDone.Render(strings.Repeat("#", filled)) + st.BarLeft.Render(strings.Repeat("-", w-filled))
}

// progressParts is a duty's progress as the list shows it: done/required,
// or for a per-person duty the people covered of those required and the
// unit (7/9 and 人), or, while its group has nobody in it, no numbers and
// 名单未填.
func progressParts(dy model.DutyYear, lang model.Lang) (num, unit string) {
	c := dy.Coverage
	switch {
	case c == nil:
		return fmt.Sprintf("%d/%d", dy.Credited, dy.Required), ""
	case c.Unfilled:
		return "", c.Ratio(lang)
	}
	return fmt.Sprintf("%d/%d", c.Covered(), len(c.Required)), textOf(lang).PeopleUnit
}

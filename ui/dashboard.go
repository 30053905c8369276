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
	countW int // the widest done/required among the rows
}

func newDashboard(c *common) *dashboard { return &dashboard{c: c, filter: filterBox{c: c}} }

// refresh rebuilds the rows from the loaded year and the filter, keeping
// the selected duty selected when it is still there.
func (d *dashboard) refresh() {
	keep := d.sel
	d.rows = d.rows[:0]
	d.drawn = nil
	d.countW = 0
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
		d.countW = max(d.countW, len(fmt.Sprintf("%d/%d", dy.Done, dy.Required)))
	}
	d.cursor = -1
	for i, r := range d.rows {
		if !r.header && (d.cursor < 0 || data.status.Duties[r.idx].Duty.ID == keep) {
			d.cursor = i
			if data.status.Duties[r.idx].Duty.ID == keep {
				break
			}
		}
	}
	d.clamp()
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

// listHeight is how many rows fit under the column heading.
func (d *dashboard) listHeight() int { return max(1, d.c.height-headerLines-2-1) }

// move steps the cursor n duty rows, skipping headings.
func (d *dashboard) move(n int) {
	if d.cursor < 0 {
		return
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for ; n > 0; n-- {
		next := d.cursor + step
		for next >= 0 && next < len(d.rows) && d.rows[next].header {
			next += step
		}
		if next < 0 || next >= len(d.rows) {
			break
		}
		d.cursor = next
	}
	d.clamp()
}

// clamp keeps the cursor's row, and its heading when possible, in view,
// and remembers which duty is selected.
func (d *dashboard) clamp() {
	d.sel = d.selectedID()
	h := d.listHeight()
	if d.cursor < 0 {
		d.offset = 0
		return
	}
	top := d.cursor
	if top > 0 && d.rows[top-1].header {
		top--
	}
	if top < d.offset {
		d.offset = top
	}
	if d.cursor >= d.offset+h {
		d.offset = d.cursor - h + 1
	}
	d.offset = max(0, min(d.offset, len(d.rows)-h))
	if d.offset < 0 {
		d.offset = 0
	}
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

func (d *dashboard) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	k := d.c.keys
	data := d.c.data
	if len(data.status.Duties) == 0 {
		if key.Matches(msg, k.Carry) && data.prevYear {
			return a.carry(a.year-1, a.year)
		}
		return nil
	}
	if navigate(k, msg, d.move, d.listHeight(), len(d.rows)) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Filter):
		d.filter.start()
	case key.Matches(msg, k.Back):
		if d.filter.clear() {
			d.refresh()
		}
	case key.Matches(msg, k.Open):
		if id := d.selectedID(); id != 0 {
			a.detail.show(id)
			a.detail.open = true
		}
	case key.Matches(msg, k.Tick):
		if dy, ok := d.selected(); ok {
			a.overlay = a.tickOrForm(dy.Duty)
		}
	case key.Matches(msg, k.Add):
		if dy, ok := d.selected(); ok {
			a.overlay = newRecordForm(a, dy.Duty, nil)
		}
	case key.Matches(msg, k.Edit):
		if dy, ok := d.selected(); ok {
			a.overlay = newDutyForm(a, &dy)
		}
	}
	return nil
}

// filterKey edits the filter as it is typed; the list follows each key.
func (d *dashboard) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	changed, move, cmd := d.filter.key(msg)
	if changed {
		d.refresh()
	}
	d.move(move)
	return cmd
}

func (d *dashboard) filterLine(w int) string { return d.filter.line(w, len(d.rows) == 0) }

// columns are the widths of a duty row's parts at width w.
type dashColumns struct {
	title, bar, count, status, due int
}

func (d *dashboard) columns(w int) dashColumns {
	c := dashColumns{count: max(5, d.countW)}
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

func (d *dashboard) view(w, h int) string {
	data := d.c.data
	t, st := d.c.t, d.c.st
	if len(data.status.Duties) == 0 {
		s := st.Heading.Render(cells.Cut(fmt.Sprintf(t.EmptyYear, data.year), w))
		if data.prevYear {
			s += "\n\n" + st.Muted.Render(cells.Cut(fmt.Sprintf(t.EmptyHint, data.year-1), w))
		} else {
			s += "\n\n" + st.Muted.Render(cells.Cut(t.KeyNewDuty+": n", w))
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
			name := r.cat.Name(d.c.lang)
			if d.c.lang == model.English {
				name += fmt.Sprintf(" (%d)", r.count)
			} else {
				name += fmt.Sprintf("（%d）", r.count)
			}
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
		b.WriteString(" " + progressBar(st, dy.Credited, dy.Required, col.bar))
	}
	if col.count > 0 {
		b.WriteString(" " + cells.FitRight(fmt.Sprintf("%d/%d", dy.Done, dy.Required), col.count))
	}
	if col.status > 0 {
		b.WriteString(" " + st.Status(dy.Status).Render(cells.Fit(dy.Status.Name(d.c.lang), col.status)))
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

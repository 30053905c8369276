package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// yearMap is a months × duties grid, like a contribution graph: each cell
// is the month's count for the duty, coloured by the state of the period
// holding that month.
type yearMap struct {
	c      *common
	cursor int
	offset int
	cells  [][12]mapCell // per duty in status order
}

type mapCell struct {
	count int
	state model.PeriodState
}

func newYearMap(c *common) *yearMap { return &yearMap{c: c} }

// refresh derives the grid once per load, not per key press.
func (m *yearMap) refresh() {
	data := m.c.data
	m.cells = m.cells[:0]
	if data == nil {
		return
	}
	for _, dy := range data.status.Duties {
		var row [12]mapCell
		for _, r := range data.byDuty[dy.Duty.ID] {
			if r.Date.Year() == data.year && r.Date <= data.status.AsOf {
				row[r.Date.Month()-1].count++
			}
		}
		for mo := 0; mo < 12; mo++ {
			row[mo].state = monthState(dy, data.year, mo)
			// A month still to come has nothing to show yet, whatever the
			// state of the longer period around it.
			if model.NewDate(data.year, time.Month(mo+1), 1) > data.status.AsOf && row[mo].state != model.Exempt {
				row[mo].state = model.Upcoming
			}
		}
		m.cells = append(m.cells, row)
	}
	m.cursor = max(0, min(m.cursor, len(m.cells)-1))
}

// monthState is the state of the period holding month mo (0-based); for
// weeks, the worst state among the weeks that end in the month.
func monthState(dy model.DutyYear, year, mo int) model.PeriodState {
	if dy.Target.Cadence != model.Week {
		mid := model.NewDate(year, time.Month(mo+1), 15)
		return dy.Periods[model.PeriodIndex(dy.Target.Cadence, year, mid)].State
	}
	rank := map[model.PeriodState]int{model.Missed: 5, model.Open: 4, model.Upcoming: 3, model.Met: 2, model.Exempt: 1}
	worst := model.PeriodState("")
	for _, p := range dy.Periods {
		if int(p.End.Month())-1 == mo && p.End.Year() == year && rank[p.State] > rank[worst] {
			worst = p.State
		}
	}
	if worst == "" {
		return model.Upcoming
	}
	return worst
}

// layout fits the grid into w cells: the months shown (all twelve; in a
// narrow terminal the half-year, or the quarter, holding the evaluation
// day), the width of a month's cell (a count, its state mark and a space)
// and of the titles.
func (m *yearMap) layout(w int) (first, last, cellW, titleW int) {
	for _, cw := range []int{5, 4} {
		if tw := w - 2 - 12*cw; tw >= 24 || (cw == 4 && tw >= 12) {
			return 1, 12, cw, min(tw, 40)
		}
	}
	month := 12
	if asOf := m.c.data.status.AsOf; asOf.Year() == m.c.data.year {
		month = int(asOf.Month())
	}
	cellW = 4
	span := 6
	if w-2-6*cellW < 6 {
		span = 3
	}
	first = (month-1)/span*span + 1
	return first, first + span - 1, cellW, max(4, min(40, w-2-span*cellW))
}

func (m *yearMap) listHeight() int { return max(1, m.c.height-headerLines-2-2) }

func (m *yearMap) move(n int) {
	m.cursor = max(0, min(m.cursor+n, len(m.cells)-1))
}

func (m *yearMap) clickRow(y int) {
	if i := m.offset + y - 1; y >= 1 && i >= 0 && i < len(m.cells) {
		m.cursor = i
	}
}

func (m *yearMap) key(a *App, msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	if navigate(k, msg, m.move, m.listHeight(), len(m.cells)) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		if m.cursor < len(m.cells) {
			a.view = dashboardView
			a.detail.show(m.c.data.status.Duties[m.cursor].Duty.ID)
			a.detail.open = true
		}
	}
	return nil
}

func (m *yearMap) view(w, h int) string {
	data := m.c.data
	st := m.c.st
	if len(data.status.Duties) == 0 {
		return st.Muted.Render(cells.Cut(m.c.t.NoDuties, w))
	}
	first, last, cellW, titleW := m.layout(w)
	var b strings.Builder
	head := "  " + cells.Fit("", titleW)
	for mo := first; mo <= last; mo++ {
		label := fmt.Sprint(mo)
		if cellW >= 5 && m.c.lang == model.Chinese {
			label += "月"
		}
		head += cells.FitRight(label, cellW)
	}
	b.WriteString(st.Muted.Render(strings.TrimRight(head, " ")))
	h -= 2 // heading and legend
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+h {
		m.offset = m.cursor - h + 1
	}
	for i := m.offset; i < len(m.cells) && i < m.offset+h; i++ {
		dy := data.status.Duties[i]
		b.WriteString("\n")
		title := cells.Fit(dy.Duty.Title, titleW)
		if i == m.cursor {
			b.WriteString(st.Marker.Render("> ") + st.Selected.Render(title))
		} else {
			b.WriteString("  " + title)
		}
		for _, c := range m.cells[i][first-1 : last] {
			val := fmt.Sprint(c.count) + stateMark(c.state)
			b.WriteString(st.State(c.state).Render(cells.FitRight(val, cellW)))
		}
	}
	b.WriteString("\n" + st.Muted.Render(cells.Cut(m.c.t.Legend, w)))
	return b.String()
}

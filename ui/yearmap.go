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
	c     *common
	list  scroll
	cells [][12]mapCell // per duty in status order
	w, h  int
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
			switch {
			case r.For.IsZero() && r.Date.Year() == data.year && r.Date <= data.status.AsOf:
				row[r.Date.Month()-1].count++
			case !r.For.IsZero() && r.For.Valid() && r.For.Year == data.year && r.For.Period().End <= data.status.AsOf:
				// Shown where it counts, as the figures count it: the last
				// month of the period it was given for (the September
				// make-up under September, the January report for last
				// year's second half under last December).
				row[r.For.Period().End.Month()-1].count++
			}
		}
		for mo := 0; mo < 12; mo++ {
			row[mo].state = monthState(dy, data.year, mo)
			// A month still to come has nothing to show yet, whatever the
			// state of the longer period around it.
			if model.NewDate(data.year, time.Month(mo+1), 1) > data.status.AsOf && row[mo].state != model.Exempt && row[mo].state != model.Excused {
				row[mo].state = model.Upcoming
			}
		}
		m.cells = append(m.cells, row)
	}
	m.list.setLen(len(m.cells))
}

// monthState is the state of the period holding month mo (0-based); for
// weeks, the worst state among the weeks that end in the month.
func monthState(dy model.DutyYear, year, mo int) model.PeriodState {
	if dy.Target.Cadence != model.Week {
		mid := model.NewDate(year, time.Month(mo+1), 15)
		return dy.Periods[model.PeriodIndex(dy.Target.Cadence, year, mid)].State
	}
	rank := map[model.PeriodState]int{model.Missed: 6, model.Open: 5, model.Upcoming: 4, model.Met: 3, model.Excused: 2, model.Exempt: 1}
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
	// A wide screen gives the titles the room they need (all of it, past
	// 40 cells, when some are that long).
	longest := 0
	for _, dy := range m.c.data.status.Duties {
		longest = max(longest, cells.Width(dy.Duty.Title))
	}
	for _, cw := range []int{5, 4} {
		if tw := w - 2 - 12*cw; tw >= 24 || (cw == 4 && tw >= 12) {
			return 1, 12, cw, min(tw, max(40, longest))
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

// SetSize hands the map its size: a heading, the rows, the legend.
func (m *yearMap) SetSize(w, h int) {
	m.w, m.h = w, h
	m.list.setRoom(h - 2)
}

func (m *yearMap) move(n int) { m.list.move(n) }

func (m *yearMap) clickRow(y int) { m.list.click(y - 1) }

// Typing: the map has no filter.
func (m *yearMap) Typing() bool { return false }

// Status: the map has nothing to say in the status line.
func (m *yearMap) Status() string { return "" }

// Update moves through the duties; enter asks to open one.
func (m *yearMap) Update(msg tea.Msg) (Component, tea.Cmd) {
	switch msg := msg.(type) {
	case dataMsg:
		m.refresh()
	case tea.KeyPressMsg:
		if m.list.keys(m.c.keys.List, msg) {
			return m, nil
		}
		if key.Matches(msg, m.c.keys.List.Open) && m.list.cursor < len(m.cells) {
			m.c.post(openDetailMsg{m.c.data.status.Duties[m.list.cursor].Duty.ID})
		}
	}
	return m, nil
}

// ShortHelp is the hint line of the map.
func (m *yearMap) ShortHelp() []key.Binding {
	k, lk := m.c.keys.List, m.c.keys.Ledger
	return []key.Binding{enabled(k.Open, len(m.cells) > 0), lk.NextView, lk.PrevYear, lk.NextYear, lk.Help, lk.Quit}
}

// FullHelp is every key of the map.
func (m *yearMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{moving(m.c.keys.List, enabled(m.c.keys.List.Open, len(m.cells) > 0))}
}

// View draws the grid in its size.
func (m *yearMap) View() string {
	w := m.w
	data := m.c.data
	st := m.c.st
	if data == nil || len(data.status.Duties) == 0 {
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
	from, to := m.list.window()
	for i := from; i < to; i++ {
		dy := data.status.Duties[i]
		b.WriteString("\n")
		title := cells.Fit(dy.Duty.Title, titleW)
		if i == m.list.cursor {
			b.WriteString(st.Marker.Render("> ") + st.Selected.Render(title))
		} else {
			b.WriteString("  " + title)
		}
		for _, c := range m.cells[i][first-1 : last] {
			val := fmt.Sprint(c.count) + stateMark(c.state)
			if c.state == model.Excused {
				val = excusedMark(m.c.lang)
			}
			b.WriteString(st.State(c.state).Render(cells.FitRight(val, cellW)))
		}
	}
	b.WriteString("\n" + st.Muted.Render(cells.Cut(m.c.t.Legend, w)))
	return b.String()
}

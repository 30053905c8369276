package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
	"taizhang/ui/cells"
)

// period is 本期待办, this period's to-do list: every duty whose current
// period is open and still owed, soonest end first, under headings for
// what ends this week, this month, this quarter and later. From it a duty
// is ticked, logged or opened as on the dashboard.
type period struct {
	c      *common
	rows   []todoRow
	items  int // rows that are duties
	met    int // duties whose current period is met already
	list   scroll
	w, h   int
	cursor int   // index into rows, always a duty row when there is one
	sel    int64 // the selected duty, kept across reloads
}

// todoRow is a heading or a duty still owed in its current period.
type todoRow struct {
	header bool
	label  string // a heading's words
	idx    int    // the duty's index in status.Duties
	end    model.Date
	owed   int
}

func newPeriod(c *common) *period { return &period{c: c} }

// horizon names when a period ends, seen from today: 0 this week, 1 this
// month, 2 this quarter, 3 later.
func horizon(today, end model.Date) int {
	weekEnd := today.AddDays((7 - int(today.Weekday())) % 7) // through Sunday
	y, m, _ := today.Civil()
	monthEnd := model.NewDate(y, m, model.DaysIn(y, m))
	qm := time.Month((int(m)-1)/3*3 + 3)
	quarterEnd := model.NewDate(y, qm, model.DaysIn(y, qm))
	switch {
	case end <= weekEnd:
		return 0
	case end <= monthEnd:
		return 1
	case end <= quarterEnd:
		return 2
	}
	return 3
}

// refresh rebuilds the list from the loaded year, keeping the selected
// duty selected.
func (p *period) refresh() {
	keep := p.sel
	p.rows, p.items, p.met = p.rows[:0], 0, 0
	data := p.c.data
	if data == nil {
		return
	}
	var owed []todoRow
	for i, dy := range data.status.Duties {
		cur, ok := dy.CurrentPeriod()
		if !ok {
			continue
		}
		if n := dy.Owed(); n > 0 {
			owed = append(owed, todoRow{idx: i, end: cur.End, owed: n})
		} else {
			p.met++
		}
	}
	// Soonest end first; among those ending together, the one falling
	// behind first, then the one owing most.
	rank := map[model.NowState]int{model.NowDueSoon: 0, model.NowBehind: 1, model.NowOnTrack: 2}
	sort.SliceStable(owed, func(i, j int) bool {
		a, b := owed[i], owed[j]
		if a.end != b.end {
			return a.end < b.end
		}
		ra, rb := rank[data.status.Duties[a.idx].Now], rank[data.status.Duties[b.idx].Now]
		if ra != rb {
			return ra < rb
		}
		return a.owed > b.owed
	})
	t := p.c.t
	names := []string{t.DueThisWeek, t.DueThisMonth, t.DueThisQuarter, t.DueLater}
	last := -1
	for _, r := range owed {
		if h := horizon(data.status.AsOf, r.end); h != last {
			p.rows = append(p.rows, todoRow{header: true, label: names[h]})
			last = h
		}
		p.rows = append(p.rows, r)
		p.items++
	}
	p.cursor = cursorOn(len(p.rows), p.heading, func(i int) int64 { return data.status.Duties[p.rows[i].idx].Duty.ID }, keep)
	p.follow()
}

// selected is the duty under the cursor.
func (p *period) selected() (model.DutyYear, bool) {
	data := p.c.data
	if data == nil || p.cursor < 0 || p.cursor >= len(p.rows) || p.rows[p.cursor].header {
		return model.DutyYear{}, false
	}
	return data.status.Duties[p.rows[p.cursor].idx], true
}

func (p *period) selectedID() int64 {
	if dy, ok := p.selected(); ok {
		return dy.Duty.ID
	}
	return 0
}

// SetSize hands the list its size: a line of figures, a column heading,
// then the rows.
func (p *period) SetSize(w, h int) {
	p.w, p.h = w, h
	p.follow()
}

func (p *period) room() int { return max(1, p.h-2) }

// follow keeps the cursor's row, and its heading, in view.
func (p *period) follow() {
	p.sel = p.selectedID()
	off := offsetUnderHeading(p.cursor, p.list.offset, len(p.rows), p.room(), p.heading)
	p.list = scroll{cursor: max(0, p.cursor), offset: off, n: len(p.rows), room: p.room()}
}

func (p *period) heading(i int) bool { return p.rows[i].header }

// move steps n duty rows, over the headings.
func (p *period) move(n int) {
	p.cursor = stepOverHeadings(p.cursor, n, len(p.rows), p.heading)
	p.follow()
}

func (p *period) clickRow(y int) {
	i := p.list.offset + y - 2 // the figures and the column heading come first
	if y >= 2 && i < len(p.rows) && !p.rows[i].header {
		p.cursor = i
		p.follow()
	}
}

// Typing: the list has no filter.
func (p *period) Typing() bool { return false }

// Status: nothing to say in the status line.
func (p *period) Status() string { return "" }

// Update moves through the list and asks for what the keys mean on the
// selected duty.
func (p *period) Update(msg tea.Msg) (Component, tea.Cmd) {
	switch msg := msg.(type) {
	case dataMsg:
		p.refresh()
	case tea.KeyPressMsg:
		k, lk := p.c.keys.List, p.c.keys.Ledger
		if navigate(k, msg, p.move, p.room(), len(p.rows)) {
			return p, nil
		}
		dy, ok := p.selected()
		switch {
		case !ok:
		case key.Matches(msg, k.Open):
			p.c.post(openDetailMsg{dy.Duty.ID})
		case key.Matches(msg, lk.Tick):
			p.c.post(tickMsg{dy.Duty})
		case key.Matches(msg, lk.Add):
			p.c.post(openRecordFormMsg{duty: dy.Duty})
		}
	}
	return p, nil
}

// ShortHelp is the hint line of the list.
func (p *period) ShortHelp() []key.Binding {
	k, lk := p.c.keys.List, p.c.keys.Ledger
	has := p.items > 0
	return []key.Binding{enabled(lk.Tick, has), enabled(lk.Add, has), enabled(k.Open, has), lk.NextView, lk.PrevYear, lk.NextYear, lk.Help, lk.Quit}
}

// FullHelp is every key of the list.
func (p *period) FullHelp() [][]key.Binding {
	k, lk := p.c.keys.List, p.c.keys.Ledger
	has := p.items > 0
	return [][]key.Binding{moving(k, enabled(k.Open, has)), {enabled(lk.Tick, has), enabled(lk.Add, has)}}
}

// View draws the list.
func (p *period) View() string {
	w := p.w
	data := p.c.data
	t, st, lang := p.c.t, p.c.st, p.c.lang
	if data == nil {
		return ""
	}
	head := fmt.Sprintf(t.TodoFigures, p.items, p.met)
	lines := []string{st.Heading.Render(cells.Cut(head, w))}
	if p.items == 0 {
		msg := t.TodoNone
		if data.status.AsOf.Year() != data.year {
			msg = fmt.Sprintf(t.TodoOtherYear, data.year)
		}
		return strings.Join(append(lines, "", st.Muted.Render(cells.Cut(msg, w))), "\n")
	}
	// Columns: title, the period, done of required, what is owed, the
	// end and days left, the state.
	perW, countW, owedW := cells.Width(t.ColPeriod), 0, cells.Width(t.ColOwed)
	endW, stateW, longest := cells.Width(t.ColDue), cells.Width(t.ColStatus), cells.Width(t.ColDuty)
	type cellsOf struct{ per, count, owed, end, state, badge string }
	badgeW := 0
	drawn := make([]cellsOf, len(p.rows))
	today := data.status.AsOf
	for i, r := range p.rows {
		if r.header {
			continue
		}
		dy := data.status.Duties[r.idx]
		cur, _ := dy.CurrentPeriod()
		// Days left as the top line counts them: after today.
		end := fmt.Sprintf(t.TodoEnds, cur.End.String()[5:], int(cur.End-today))
		if cur.End <= today {
			end = t.TodoEndsToday
		}
		c := cellsOf{
			per:   dy.Target.Cadence.Label(cur.Period, lang),
			count: fmt.Sprintf("%d/%d", cur.Credit, cur.Need),
			owed:  fmt.Sprintf(owedText(t, dy.Target), r.owed),
			end:   end,
			state: dy.Now.Name(lang),
			badge: dy.NowBadge(lang),
		}
		longest = max(longest, cells.Width(p.c.dutyTitle(dy.Duty)))
		drawn[i] = c
		perW, countW, owedW = max(perW, cells.Width(c.per)), max(countW, cells.Width(c.count)), max(owedW, cells.Width(c.owed))
		endW, stateW = max(endW, cells.Width(c.end)), max(stateW, cells.Width(c.state))
		badgeW = max(badgeW, cells.Width(c.badge))
	}
	fixed := 2 + 2 + perW + 2 + countW + 2 + owedW + 2 + endW + 2 + stateW
	// Where titles keep their room, the state carries the year verdict
	// when the year is already missed (正常 · 全年未达标); the dashboard
	// shows it at any width.
	if more := badgeW - stateW; more > 0 && w-fixed-more >= min(longest, 2*minTitleWithBadge) {
		stateW, fixed = badgeW, fixed+more
		for i := range drawn {
			drawn[i].state = drawn[i].badge
		}
	}
	titleW := min(w-fixed, longest)
	if titleW < 8 { // narrow: the end and the count go first
		fixed -= 2 + endW + 2 + countW
		endW, countW = 0, 0
		titleW = max(4, w-fixed)
	}
	row := func(title, per, count, owed, end string) string {
		parts := []string{cells.Fit(title, titleW), cells.Fit(per, perW)}
		if countW > 0 {
			parts = append(parts, cells.FitRight(count, countW))
		}
		parts = append(parts, cells.Fit(owed, owedW))
		if endW > 0 {
			parts = append(parts, cells.Fit(end, endW))
		}
		return strings.Join(parts, "  ")
	}
	lines = append(lines, st.Muted.Render(strings.TrimRight("  "+row(t.ColDuty, t.ColPeriod, "", t.ColOwed, t.ColDue)+"  "+t.ColStatus, " ")))
	from, to := p.list.window()
	for i := from; i < to; i++ {
		r := p.rows[i]
		if r.header {
			lines = append(lines, st.Heading.Render(cells.Cut(r.label, w)))
			continue
		}
		dy := data.status.Duties[r.idx]
		c := drawn[i]
		text := row(p.c.dutyTitle(dy.Duty), c.per, c.count, c.owed, c.end)
		state := st.Status(nowStatus(dy.Now)).Render(cells.Fit(c.state, stateW))
		if i == p.cursor {
			lines = append(lines, st.Marker.Render("> ")+st.Selected.Render(text)+"  "+state)
		} else {
			lines = append(lines, "  "+text+"  "+state)
		}
	}
	// In a very narrow terminal the columns do not fit: cut, never wrap.
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// nowStatus is the status whose colour a now state is drawn in.
func nowStatus(n model.NowState) model.Status {
	switch n {
	case model.NowDueSoon:
		return model.DueSoon
	case model.NowBehind:
		return model.Behind
	case model.NowMet:
		return model.Done
	}
	return model.OnTrack
}

// owedText says what a duty still owes in its period: times, or for a
// duty owed to each person, people (one talk each) or talks (several).
func owedText(t *Text, tg model.Target) string {
	switch {
	case tg.PerPerson() && tg.Min == 1:
		return t.TodoOwedPeople
	case tg.PerPerson():
		return t.TodoOwedTimes
	}
	return t.TodoOwed
}

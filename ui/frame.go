package ui

// The frame the App draws around the screens: the top line with the year
// and the views, the figures, the body (the dashboard beside the open duty
// at 140 columns and more), the message line and the keys.

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
	"taizhang/ui/cells"
)

// headerLines is the number of lines above a screen's body.
const headerLines = 3

// sideBySide reports whether the dashboard and the detail share the screen.
// From 140 columns: below, the dashboard's titles need the width more
// than a narrow pane beside them would use it.
func (a *App) sideBySide() bool { return a.c.width >= 140 }

func (a *App) dashWidth() int {
	if a.sideBySide() {
		return a.c.width * 11 / 20
	}
	return a.c.width
}

// View draws the whole screen.
func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = a.c.t.App
	return v
}

// render is the screen as text, every line at most the terminal's width:
// compose's lines, cut as a last guard.
func (a *App) render() string {
	lines := a.compose()
	for i, l := range lines {
		if ansi.StringWidth(l) > a.c.width {
			lines[i] = ansi.Truncate(l, a.c.width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// bodyHeight is the rows between the header and the two lines at the foot.
func (a *App) bodyHeight() int { return max(1, a.c.height-headerLines-2) }

// layout hands every screen and overlay its size.
func (a *App) layout() {
	w, h := a.c.width, a.bodyHeight()
	if a.sideBySide() {
		left := a.dashWidth()
		a.dash.SetSize(left, h)
		a.detail.SetSize(w-left-2, h)
	} else {
		a.dash.SetSize(w, h)
		a.detail.SetSize(w, h)
	}
	for _, s := range []Component{a.todo, a.ymap, a.rlog, a.people, a.first} {
		s.SetSize(w, h)
	}
	for _, l := range a.stack {
		if l.inline {
			l.c.SetSize(w, 1)
		} else {
			l.c.SetSize(w, h)
		}
	}
}

// compose lays out the screen's lines as the screens draw them.
func (a *App) compose() []string {
	w, h := a.c.width, a.c.height
	var body string
	bodyH := max(1, h-headerLines-2)
	// The body is the top overlay that takes the screen, under any that
	// take only the message line (the record view under its attach
	// prompt), else the screen in front.
	var top *layer
	for i := len(a.stack) - 1; i >= 0; i-- {
		if !a.stack[i].inline {
			top = &a.stack[i]
			break
		}
	}
	switch {
	case top != nil:
		body = top.c.View()
	case a.c.data == nil:
		body = a.c.st.Muted.Render(a.c.t.Loading)
	default:
		body = a.bodyView()
	}
	lines := []string{a.topLine(w), a.figuresLine(w), ""}
	lines = append(lines, fitLines(body, bodyH)...)
	lines = append(lines, a.statusLine(w), a.helpLine(w))
	return lines
}

// fitLines splits s into exactly n lines, cutting or padding.
func fitLines(s string, n int) []string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return lines
}

func (a *App) bodyView() string {
	s := a.active()
	if s == nil {
		return ""
	}
	if a.view == dashboardView && a.sideBySide() && !a.c.data.empty {
		return joinColumns(a.dash.View(), a.detail.View(), a.dashWidth(), 2)
	}
	return s.View()
}

// joinColumns sets two blocks side by side, the left padded to lw cells.
func joinColumns(left, right string, lw, gap int) string {
	l := strings.Split(left, "\n")
	r := strings.Split(right, "\n")
	n := max(len(l), len(r))
	var b strings.Builder
	for i := 0; i < n; i++ {
		var x, y string
		if i < len(l) {
			x = l[i]
		}
		if i < len(r) {
			y = r[i]
		}
		if pad := lw - ansi.StringWidth(x); pad > 0 {
			x += strings.Repeat(" ", pad)
		} else if pad < 0 {
			x = ansi.Truncate(x, lw, "")
		}
		b.WriteString(x + strings.Repeat(" ", gap) + y)
		if i < n-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// tabSpans are the cell ranges of the view names in the top line.
func (a *App) tabSpans() [][2]int {
	names := a.viewNames()
	sep := a.tabSep(a.c.width, a.topLeft())
	total := 0
	for i, n := range names {
		if i > 0 {
			total += sep
		}
		total += cells.Width(n) + 2
	}
	x := a.c.width - total
	var spans [][2]int
	for i, n := range names {
		if i > 0 {
			x += sep
		}
		spans = append(spans, [2]int{x, x + cells.Width(n) + 2})
		x += cells.Width(n) + 2
	}
	return spans
}

func (a *App) viewNames() []string {
	t := a.c.t
	return []string{t.ViewDashboard, t.ViewPeriod, t.ViewMap, t.ViewLog, peopleText(a.c.lang).View}
}

// topLeft is the left of the top line: the app, the year, the day.
func (a *App) topLeft() string { return a.topLeftAs(a.year == a.asOf().Year()) }

// topLeftAs is the top line's left as it reads for the shown year, or,
// with current, as it would read were it this year (the longest).
func (a *App) topLeftAs(current bool) string {
	t := a.c.t
	left := t.App + "  " + fmt.Sprintf(t.YearTitle, a.year)
	today := a.asOf()
	switch {
	case current:
		left += "  " + fmt.Sprintf(t.AsOf, today.String()[5:]) + "  " + fmt.Sprintf(t.DaysLeft, int(model.NewDate(today.Year(), 12, 31)-today))
	case today.Year() > a.year:
		left += "  " + t.YearOver
	default:
		left += "  " + t.YearAhead
	}
	return left
}

// tabSep is the space between the views' names: two cells, or none (the
// names keep their own padding) when that leaves room for the whole left.
func (a *App) tabSep(w int, left string) int {
	total := 0
	for _, n := range a.viewNames() {
		total += cells.Width(n) + 2
	}
	if w-total-2*(len(a.viewNames())-1) >= cells.Width(left)+2 {
		return 2
	}
	return 0
}

// topLine: the app, the year, the day, and the views with the current one marked.
func (a *App) topLine(w int) string {
	st := a.c.st
	left := a.topLeft()
	var tabs []string
	for i, n := range a.viewNames() {
		if view(i) == a.view {
			tabs = append(tabs, st.Selected.Render("["+n+"]"))
		} else {
			tabs = append(tabs, st.Muted.Render(" "+n+" "))
		}
	}
	// Spaced for this year's left, the longest, so that the views' names
	// stay where they are as [ and ] change the year.
	widest := left
	if a.year != a.asOf().Year() {
		if cur := a.topLeftAs(true); cells.Width(cur) > cells.Width(widest) {
			widest = cur
		}
	}
	right := strings.Join(tabs, strings.Repeat(" ", a.tabSep(w, widest)))
	space := w - cells.Width(right)
	if space < 4 {
		return st.Title.Render(cells.Cut(left, w))
	}
	left = cells.Cut(left, space-2)
	return st.Title.Render(left) + strings.Repeat(" ", space-cells.Width(left)) + right
}

// figuresLine: duties done of total, the rate, and the count by status.
func (a *App) figuresLine(w int) string {
	d := a.c.data
	if d == nil || d.empty {
		return ""
	}
	f := d.status.Figures
	t, st := a.c.t, a.c.st
	head := fmt.Sprintf(t.Figures, f.Done, f.Duties, fmt.Sprintf("%.1f%%", f.Rate*100))
	counts := statusCounts(f, a.c.lang)
	line := st.Heading.Render(cells.Cut(head, w))
	if rest := w - cells.Width(head) - 2; rest > 8 {
		line += "  " + st.Muted.Render(cells.Cut(counts, rest))
	}
	return line
}

// statusCounts counts the duties by status in the status's order (due
// soon, behind, missed, archived, on track, not started; done is in the
// head), leaving out the statuses no duty has: 临期1 滞后2 未达标3 正常8.
func statusCounts(f model.Figures, lang model.Lang) string {
	t := textOf(lang)
	var parts []string
	for _, s := range model.Statuses {
		n := f.Count(s)
		if s == model.Done || n == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf(t.StatusCount, s.Name(lang), n))
	}
	return strings.Join(parts, t.StatusSep)
}

// statusLine: an inline prompt, the filter being typed, or a message.
func (a *App) statusLine(w int) string {
	st := a.c.st
	if top := a.top(); top != nil && top.inline {
		return top.c.View()
	}
	if a.top() == nil {
		if s := a.active(); s != nil {
			if line := s.Status(); line != "" {
				return line
			}
		}
	}
	if a.msg == "" {
		return ""
	}
	if a.msgErr {
		return st.Error.Render(cells.Cut(a.msg, w))
	}
	return st.Message.Render(cells.Cut(a.msg, w))
}

// helpLine: the keys that do something here, from the bindings of the
// overlay on top or the screen in front.
func (a *App) helpLine(w int) string {
	var bs []key.Binding
	if top := a.top(); top != nil {
		bs = top.c.ShortHelp()
	} else if s := a.active(); s != nil {
		bs = s.ShortHelp()
	} else {
		bs = []key.Binding{a.c.keys.Ledger.Quit}
	}
	// The keys that fit the line: the first of the lines they would take.
	line := ""
	if lines := hintLines(w, bs...); len(lines) > 0 {
		line = lines[0]
	}
	return a.c.st.Muted.Render(line)
}

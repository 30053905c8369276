// Package ui is taizhang's terminal interface, built on Bubble Tea v2: one
// root App, one file per screen, forms, keys, styles, and the wording in one
// catalogue per language. It reads and writes the ledger only through the
// Ledger interface, and only inside commands.
package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"taizhang/model"
	"taizhang/ui/cells"
)

// Options open the interface.
type Options struct {
	Ledger Ledger
	Lang   model.Lang
	Now    func() time.Time
	// Export writes the year-end summary (x); nil leaves export out.
	Export Exporter
	// Dir is where an export goes unless the officer names another
	// directory; empty means the user's documents directory (or home).
	Dir string
	// Warning, when set, stands in the status line when the app opens (a
	// ledger on a network file system, say), until another message.
	Warning string
	// NoTimers turns off the message fade and the refresh poll (for tests,
	// which drive Update by hand).
	NoTimers bool
	// OpenFile hands a private copy of an evidence file to the system's
	// viewer; nil means SystemOpen.
	OpenFile func(path string) error
}

// refreshEvery is how often the interface looks for changes written by
// another process (the command line, a second window).
const refreshEvery = 2 * time.Second

// messageFor is how long a status-line message stays.
const messageFor = 4 * time.Second

type view int

const (
	dashboardView view = iota
	periodView
	mapView
	logView
	peopleView
	viewCount
)

// layer is an overlay on the stack: a form, dialog, prompt or help.
type layer struct {
	c      Component
	id     int  // which layer a write's refusal goes back to
	inline bool // drawn in the status line, over the screen
}

// App is the root model: it owns navigation, the overlay stack, every
// write and undo, and the sizes it hands down.
type App struct {
	c          *common
	opts       Options
	year       int
	view       view
	loading    bool
	loadErr    error
	dash       *dashboard
	detail     *detail
	detailOpen bool // the selected duty has the keys
	todo       *period
	ymap       *yearMap
	rlog       *recordLog
	people     *rosterView
	first      *firstRun
	stack      []layer // overlays, the top one last
	layers     int     // layers ever pushed, for their ids
	undo       []undoEntry
	msg        string
	msgErr     bool
	msgID      int
	writing    int // writes in flight
	files      *privateFiles
}

// New builds the interface on an open ledger.
func New(o Options) *App {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Dir == "" {
		o.Dir = documentsDir()
	}
	t := TextFor(o.Lang)
	c := &common{st: NewStyles(true), keys: DefaultKeyMap(t), t: t, lang: o.Lang, isDark: true, ledger: o.Ledger, now: o.Now, width: 80, height: 24}
	c.keys.Ledger.Export.SetEnabled(o.Export != nil)
	if o.OpenFile == nil {
		o.OpenFile = SystemOpen
	}
	a := &App{c: c, opts: o, year: c.today().Year(), loading: true, files: &privateFiles{}}
	a.dash = newDashboard(c)
	a.detail = newDetail(c)
	a.todo = newPeriod(c)
	a.ymap = newYearMap(c)
	a.rlog = newRecordLog(c)
	a.people = newRosterView(c)
	a.first = newFirstRun(c, func() int { return a.year })
	a.layout()
	if o.Warning != "" {
		a.msg, a.msgErr = model.CleanLine(o.Warning), true
	}
	return a
}

// Run shows the interface until the officer quits.
func Run(o Options) error {
	a := New(o)
	defer a.Purge()
	_, err := tea.NewProgram(a).Run()
	return err
}

// screens are every screen, for what they all must hear.
func (a *App) screens() []Component {
	return []Component{a.dash, a.detail, a.todo, a.ymap, a.rlog, a.people, a.first}
}

// refreshScreens tells every screen the loaded year changed.
func (a *App) refreshScreens() {
	for _, s := range a.screens() {
		s.Update(dataMsg{})
	}
	a.syncDetail()
}

// syncDetail points the detail beside the list at the selected duty.
func (a *App) syncDetail() {
	if a.sideBySide() && !a.detailOpen {
		a.detail.show(a.dash.selectedID())
	}
	if _, ok := a.detail.current(); !ok {
		a.detailOpen = false
	}
	a.detail.open = a.detailOpen
}

// Init loads the current year and asks the terminal for its background.
func (a *App) Init() tea.Cmd {
	return tea.Batch(a.reload(), tea.RequestBackgroundColor, a.poll())
}

func (a *App) reload() tea.Cmd {
	a.loading = true
	return load(a.c.ledger, a.year, a.asOf())
}

// asOf is the day the shown year is evaluated on: today.
func (a *App) asOf() model.Date { return a.c.today() }

type pollMsg struct{}
type changedMsg struct{ changed bool }
type clearMsgMsg struct{ id int }

func (a *App) poll() tea.Cmd {
	if a.opts.NoTimers {
		return nil
	}
	return tea.Tick(refreshEvery, func(time.Time) tea.Msg { return pollMsg{} })
}

func (a *App) checkChanged() tea.Cmd {
	l := a.c.ledger
	return func() tea.Msg {
		ch, err := l.Changed(context.Background())
		return changedMsg{ch && err == nil}
	}
}

// say shows a message in the status line for a few seconds.
func (a *App) say(msg string, isErr bool) tea.Cmd {
	a.msg, a.msgErr = model.CleanLine(msg), isErr
	a.msgID++
	if a.opts.NoTimers {
		return nil
	}
	id := a.msgID
	return tea.Tick(messageFor, func(time.Time) tea.Msg { return clearMsgMsg{id} })
}

// Update handles one message.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	cmds := []tea.Cmd{cmd}
	// What the components asked for, in the order they asked.
	for len(a.c.intents) > 0 {
		next := a.c.intents[0]
		a.c.intents = a.c.intents[1:]
		cmds = append(cmds, a.intent(next))
	}
	a.syncDetail()
	a.layout()
	return a, tea.Batch(cmds...)
}

func (a *App) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.width, a.c.height = msg.Width, msg.Height
		return nil
	case tea.BackgroundColorMsg:
		a.c.isDark = msg.IsDark()
		a.c.st = NewStyles(a.c.isDark)
		a.dash.drawn = nil // drawn with the old colours
		return nil
	case loadedMsg:
		a.loading = false
		if msg.err != nil {
			a.loadErr = msg.err
			return a.say(fmt.Sprintf(a.c.t.Failed, a.c.errText(msg.err)), true)
		}
		a.loadErr = nil
		if msg.data.year != a.year {
			return nil // a year switched away from while loading
		}
		if old := a.c.data; old != nil && old.year == msg.data.year && old.recordsIn {
			msg.data.setRecords(old.records) // until the fresh ones arrive
		}
		a.c.data = msg.data
		a.refreshScreens()
		return loadRecords(a.c.ledger, a.year)
	case recordsMsg:
		if msg.err != nil {
			return a.say(fmt.Sprintf(a.c.t.Failed, a.c.errText(msg.err)), true)
		}
		if a.c.data != nil && a.c.data.year == msg.year {
			a.c.data.setRecords(msg.records)
			a.refreshScreens()
		}
		return nil
	case pollMsg:
		return tea.Batch(a.checkChanged(), a.poll())
	case changedMsg:
		// Reload even under an open form: the form keeps its own copy of
		// what it edits, and a change seen now is not reported again.
		if msg.changed {
			return tea.Batch(a.reload(), a.say(a.c.t.Refreshed, false))
		}
		return nil
	case clearMsgMsg:
		if msg.id == a.msgID {
			a.msg = ""
		}
		return nil
	case writtenMsg:
		return a.written(msg)
	case exportedMsg:
		return a.exported(msg)
	case openedMsg:
		if msg.err != nil {
			return a.say(fmt.Sprintf(a.c.t.Failed, a.c.errText(msg.err)), true)
		}
		return a.say(fmt.Sprintf(a.c.t.Evidence.Opened, model.CleanLine(msg.name)), false)
	case tea.MouseWheelMsg:
		return a.wheel(msg)
	case tea.MouseClickMsg:
		return a.click(msg)
	case tea.KeyPressMsg:
		return a.key(msg)
	}
	// Anything else (a paste, a file read, a blink) is for the overlay on
	// top, or else the screen in front.
	if top := a.top(); top != nil {
		_, cmd := top.c.Update(msg)
		return cmd
	}
	if s := a.active(); s != nil {
		_, cmd := s.Update(msg)
		return cmd
	}
	return nil
}

// top is the overlay on top, or nil.
func (a *App) top() *layer {
	if len(a.stack) == 0 {
		return nil
	}
	return &a.stack[len(a.stack)-1]
}

// push opens an overlay on top.
func (a *App) push(c Component, inline bool) {
	a.layers++
	a.stack = append(a.stack, layer{c: c, id: a.layers, inline: inline})
	a.layout()
}

// pop closes the overlay on top.
func (a *App) pop() {
	if len(a.stack) > 0 {
		a.stack = a.stack[:len(a.stack)-1]
	}
}

// active is the screen in front, which gets the keys no overlay takes.
func (a *App) active() tabScreen {
	switch {
	case a.c.data == nil:
		return nil
	case a.c.data.empty:
		return a.first
	}
	switch a.view {
	case periodView:
		return a.todo
	case mapView:
		return a.ymap
	case logView:
		return a.rlog
	case peopleView:
		return a.people
	}
	if a.detailOpen {
		return a.detail
	}
	return a.dash
}

// screenName names the screen in front, for the help's title: the open
// duty, or the view.
func (a *App) screenName() string {
	if a.detailOpen {
		if dy, ok := a.detail.current(); ok {
			return model.CleanLine(dy.Duty.Title)
		}
	}
	if names := a.viewNames(); int(a.view) < len(names) {
		return names[a.view]
	}
	return ""
}

// globalKeys are the keys the App takes on every screen under the tabs;
// a ledger with nothing in it yet takes only those that add to it.
func (a *App) globalKeys() []key.Binding {
	lk := a.c.keys.Ledger
	if a.c.data != nil && a.c.data.empty {
		return []key.Binding{lk.NewDuty, lk.Import, lk.Help, lk.Quit}
	}
	return []key.Binding{lk.NextView, lk.PrevView, lk.PrevYear, lk.NextYear, lk.Undo, lk.NewDuty, lk.Carry, lk.Profile,
		lk.Import, lk.Export, lk.Help, lk.Quit}
}

func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	k, lk := a.c.keys.List, a.c.keys.Ledger
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	if top := a.top(); top != nil {
		_, cmd := top.c.Update(msg)
		return cmd
	}
	s := a.active()
	if s == nil {
		if key.Matches(msg, lk.Quit) {
			return tea.Quit
		}
		return nil
	}
	if s.Typing() {
		_, cmd := s.Update(msg)
		return cmd
	}
	empty := a.c.data.empty
	switch {
	case key.Matches(msg, lk.Quit):
		return tea.Quit
	case key.Matches(msg, lk.Help):
		a.push(newHelpScreen(a.c, a.screenName(), s.FullHelp(), a.globalKeys()), false)
		return nil
	case key.Matches(msg, lk.NewDuty):
		a.push(newDutyForm(a.c, a.year, nil), false)
		return nil
	case key.Matches(msg, lk.Import):
		a.push(newPlanSource(a.c, a.year), false)
		return nil
	case empty:
		_, cmd := s.Update(msg)
		return cmd
	case key.Matches(msg, lk.PrevYear):
		a.year--
		a.detailOpen = false
		return a.reload()
	case key.Matches(msg, lk.NextYear):
		a.year++
		a.detailOpen = false
		return a.reload()
	case key.Matches(msg, lk.NextView):
		a.view = (a.view + 1) % viewCount
		a.detailOpen = false
		return nil
	case key.Matches(msg, lk.PrevView):
		a.view = (a.view + viewCount - 1) % viewCount
		a.detailOpen = false
		return nil
	case key.Matches(msg, lk.Undo):
		return a.undoLast()
	case key.Matches(msg, lk.Carry):
		return a.carry()
	case key.Matches(msg, lk.Profile):
		pf, cmd := newProfileForm(a.c)
		a.push(pf, false)
		return cmd
	case key.Matches(msg, lk.Export):
		a.push(newExportForm(a.c, a.year, a.opts.Dir), false)
		return nil
	}
	_ = k
	_, cmd := s.Update(msg)
	return cmd
}

// wheel scrolls whatever list is in front.
func (a *App) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	if a.top() != nil || a.c.data == nil {
		return nil
	}
	step := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		step = -1
	case tea.MouseWheelDown:
		step = 1
	}
	switch {
	case a.view == periodView:
		a.todo.move(step)
	case a.view == mapView:
		a.ymap.move(step)
	case a.view == logView:
		a.rlog.move(step)
	case a.view == peopleView:
		a.people.move(step)
	case a.detailOpen:
		a.detail.move(step)
	default:
		a.dash.move(step)
	}
	return nil
}

// click selects the row under the pointer; a click on the selected duty
// opens it. A click on a view's name in the top line switches to it.
func (a *App) click(msg tea.MouseClickMsg) tea.Cmd {
	if a.top() != nil || a.c.data == nil || msg.Button != tea.MouseLeft {
		return nil
	}
	if msg.Y == 0 {
		for v, span := range a.tabSpans() {
			if msg.X >= span[0] && msg.X < span[1] {
				a.view = view(v)
				a.detailOpen = false
			}
		}
		return nil
	}
	row := msg.Y - headerLines
	switch {
	case a.view == periodView:
		a.todo.clickRow(row)
	case a.view == mapView:
		a.ymap.clickRow(row)
	case a.view == logView:
		a.rlog.clickRow(row)
	case a.view == peopleView:
		a.people.clickRow(row)
	case a.detailOpen && !a.sideBySide():
		a.detail.clickRow(row)
	default:
		if msg.X < a.dashWidth() && a.dash.clickRow(row) {
			a.detail.show(a.dash.selectedID())
			a.detailOpen = true
		}
	}
	return nil
}

// headerLines is the number of lines above a screen's body.
const headerLines = 3

// sideBySide reports whether the dashboard and the detail share the screen.
func (a *App) sideBySide() bool { return a.c.width >= 120 }

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
	top := a.top()
	switch {
	case top != nil && !top.inline:
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
func (a *App) topLeft() string {
	t := a.c.t
	left := t.App + "  " + fmt.Sprintf(t.YearTitle, a.year)
	today := a.asOf()
	switch {
	case today.Year() > a.year:
		left += "  " + t.YearOver
	case today.Year() < a.year:
		left += "  " + t.YearAhead
	default:
		left += "  " + fmt.Sprintf(t.AsOf, today.String()[5:]) + "  " + fmt.Sprintf(t.DaysLeft, int(model.NewDate(a.year, 12, 31)-today))
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
	right := strings.Join(tabs, strings.Repeat(" ", a.tabSep(w, left)))
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
	line := ""
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		next := h.Key + " " + h.Desc
		if line != "" {
			next = line + "  " + next
		}
		if cells.Width(next) > w {
			break
		}
		line = next
	}
	return a.c.st.Muted.Render(line)
}

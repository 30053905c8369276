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
	// NoTimers turns off the message fade and the refresh poll (for tests,
	// which drive Update by hand).
	NoTimers bool
}

// refreshEvery is how often the interface looks for changes written by
// another process (the command line, a second window).
const refreshEvery = 2 * time.Second

// messageFor is how long a status-line message stays.
const messageFor = 4 * time.Second

type view int

const (
	dashboardView view = iota
	mapView
	logView
	viewCount
)

// App is the root model.
type App struct {
	c        *common
	opts     Options
	year     int
	view     view
	loading  bool
	loadErr  error
	dash     *dashboard
	detail   *detail
	ymap     *yearMap
	rlog     *recordLog
	overlay  overlay // a form, prompt, dialog or help on top, or nil
	undo     []undoEntry
	msg      string
	msgErr   bool
	msgID    int
	showHelp bool
	writing  int // writes in flight
}

// paster is an overlay that takes pasted text.
type paster interface {
	paste(a *App, msg tea.PasteMsg) tea.Cmd
}

// overlay is a modal layer: it gets every key until it closes.
type overlay interface {
	update(a *App, msg tea.KeyPressMsg) tea.Cmd
	view(w, h int) string
}

// New builds the interface on an open ledger.
func New(o Options) *App {
	if o.Now == nil {
		o.Now = time.Now
	}
	t := TextFor(o.Lang)
	c := &common{st: NewStyles(true), keys: DefaultKeyMap(t), t: t, lang: o.Lang, isDark: true, ledger: o.Ledger, now: o.Now, width: 80, height: 24}
	a := &App{c: c, opts: o, year: c.today().Year(), loading: true}
	a.dash = newDashboard(c)
	a.detail = newDetail(c)
	a.ymap = newYearMap(c)
	a.rlog = newRecordLog(c)
	return a
}

// Run shows the interface until the officer quits.
func Run(o Options) error {
	_, err := tea.NewProgram(New(o)).Run()
	return err
}

func (a *App) refreshScreens() {
	a.dash.refresh()
	a.detail.refresh()
	a.ymap.refresh()
	a.rlog.refresh()
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
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.width, a.c.height = msg.Width, msg.Height
		return a, nil
	case tea.BackgroundColorMsg:
		a.c.isDark = msg.IsDark()
		a.c.st = NewStyles(a.c.isDark)
		a.dash.drawn = nil // drawn with the old colours
		return a, nil
	case loadedMsg:
		a.loading = false
		if msg.err != nil {
			a.loadErr = msg.err
			return a, a.say(fmt.Sprintf(a.c.t.Failed, errText(msg.err, a.c.lang)), true)
		}
		a.loadErr = nil
		if msg.data.year != a.year {
			return a, nil // a year switched away from while loading
		}
		if old := a.c.data; old != nil && old.year == msg.data.year && old.recordsIn {
			msg.data.setRecords(old.records) // until the fresh ones arrive
		}
		a.c.data = msg.data
		a.refreshScreens()
		return a, loadRecords(a.c.ledger, a.year)
	case recordsMsg:
		if msg.err != nil {
			return a, a.say(fmt.Sprintf(a.c.t.Failed, errText(msg.err, a.c.lang)), true)
		}
		if a.c.data != nil && a.c.data.year == msg.year {
			a.c.data.setRecords(msg.records)
			a.refreshScreens()
		}
		return a, nil
	case pollMsg:
		return a, tea.Batch(a.checkChanged(), a.poll())
	case changedMsg:
		// Reload even under an open form: the form keeps its own copy of
		// what it edits, and a change seen now is not reported again.
		if msg.changed {
			return a, tea.Batch(a.reload(), a.say(a.c.t.Refreshed, false))
		}
		return a, nil
	case clearMsgMsg:
		if msg.id == a.msgID {
			a.msg = ""
		}
		return a, nil
	case writtenMsg:
		return a, a.written(msg)
	case exportedMsg:
		return a, a.exported(msg)
	case planReadMsg:
		return a, a.planRead(msg)
	case tea.PasteMsg:
		if p, ok := a.overlay.(paster); ok {
			return a, p.paste(a, msg)
		}
		return a, nil
	case tea.MouseWheelMsg:
		return a, a.wheel(msg)
	case tea.MouseClickMsg:
		return a, a.click(msg)
	case tea.KeyPressMsg:
		return a, a.key(msg)
	}
	return a, nil
}

func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	k := a.c.keys
	if msg.String() == "ctrl+c" {
		return tea.Quit
	}
	if a.showHelp {
		a.showHelp = false
		return nil
	}
	if a.overlay != nil {
		return a.overlay.update(a, msg)
	}
	if a.c.data == nil {
		if key.Matches(msg, k.Quit) {
			return tea.Quit
		}
		return nil
	}
	if a.c.data.empty {
		return a.firstRunKey(msg)
	}
	// The filter line takes typing before any binding.
	if a.view == dashboardView && a.dash.filter.typing {
		return a.dash.filterKey(msg)
	}
	if a.view == logView && a.rlog.filter.typing {
		return a.rlog.filterKey(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		a.showHelp = true
		return nil
	case key.Matches(msg, k.PrevYear):
		a.year--
		a.detail.close()
		return a.reload()
	case key.Matches(msg, k.NextYear):
		a.year++
		a.detail.close()
		return a.reload()
	case key.Matches(msg, k.NextView):
		a.view = (a.view + 1) % viewCount
		a.detail.close()
		return nil
	case key.Matches(msg, k.PrevView):
		a.view = (a.view + viewCount - 1) % viewCount
		a.detail.close()
		return nil
	case key.Matches(msg, k.Undo):
		return a.undoLast()
	case key.Matches(msg, k.NewDuty):
		a.overlay = newDutyForm(a, nil)
		return nil
	case key.Matches(msg, k.Import):
		a.overlay = newPlanSource(a)
		return nil
	case key.Matches(msg, k.Export) && a.opts.Export != nil:
		a.overlay = newExportForm(a)
		return nil
	}
	switch a.view {
	case mapView:
		return a.ymap.key(a, msg)
	case logView:
		return a.rlog.key(a, msg)
	}
	if a.detail.open {
		return a.detail.key(a, msg)
	}
	return a.dash.key(a, msg)
}

// wheel scrolls whatever list is in front.
func (a *App) wheel(msg tea.MouseWheelMsg) tea.Cmd {
	if a.overlay != nil || a.c.data == nil {
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
	case a.view == mapView:
		a.ymap.move(step)
	case a.view == logView:
		a.rlog.move(step)
	case a.detail.open:
		a.detail.move(step)
	default:
		a.dash.move(step)
	}
	return nil
}

// click selects the row under the pointer; a click on the selected duty
// opens it. A click on a view's name in the top line switches to it.
func (a *App) click(msg tea.MouseClickMsg) tea.Cmd {
	if a.overlay != nil || a.c.data == nil || msg.Button != tea.MouseLeft {
		return nil
	}
	if msg.Y == 0 {
		for v, span := range a.tabSpans() {
			if msg.X >= span[0] && msg.X < span[1] {
				a.view = view(v)
				a.detail.close()
			}
		}
		return nil
	}
	row := msg.Y - headerLines
	switch {
	case a.view == mapView:
		a.ymap.clickRow(row)
	case a.view == logView:
		a.rlog.clickRow(row)
	case a.detail.open && !a.sideBySide():
		a.detail.clickRow(row)
	default:
		if msg.X < a.dashWidth() && a.dash.clickRow(row) {
			a.detail.show(a.dash.selectedID())
			a.detail.open = true
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

// compose lays out the screen's lines as the screens draw them.
func (a *App) compose() []string {
	w, h := a.c.width, a.c.height
	var body string
	bodyH := max(1, h-headerLines-2)
	switch {
	case a.showHelp:
		body = a.helpView(w, bodyH)
	case a.overlay != nil && !isInline(a.overlay):
		body = a.overlay.view(w, bodyH)
	case a.c.data == nil:
		body = a.c.st.Muted.Render(a.c.t.Loading)
	case a.c.data.empty && a.overlay == nil:
		body = a.firstRunView(w, bodyH)
	default:
		body = a.bodyView(w, bodyH)
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

func (a *App) bodyView(w, h int) string {
	switch a.view {
	case mapView:
		return a.ymap.view(w, h)
	case logView:
		return a.rlog.view(w, h)
	}
	if a.sideBySide() {
		left := a.dashWidth()
		right := w - left - 2
		a.detail.show(a.dash.selectedID())
		return joinColumns(a.dash.view(left, h), a.detail.view(right, h), left, 2)
	}
	if a.detail.open {
		return a.detail.view(w, h)
	}
	return a.dash.view(w, h)
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
	total := 0
	for i, n := range names {
		if i > 0 {
			total += 2
		}
		total += cells.Width(n) + 2
	}
	x := a.c.width - total
	var spans [][2]int
	for i, n := range names {
		if i > 0 {
			x += 2
		}
		spans = append(spans, [2]int{x, x + cells.Width(n) + 2})
		x += cells.Width(n) + 2
	}
	return spans
}

func (a *App) viewNames() []string {
	t := a.c.t
	return []string{t.ViewDashboard, t.ViewMap, t.ViewLog}
}

// topLine: the app, the year, the day, and the views with the current one marked.
func (a *App) topLine(w int) string {
	t, st := a.c.t, a.c.st
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
	var tabs []string
	for i, n := range a.viewNames() {
		if view(i) == a.view {
			tabs = append(tabs, st.Selected.Render("["+n+"]"))
		} else {
			tabs = append(tabs, st.Muted.Render(" "+n+" "))
		}
	}
	right := strings.Join(tabs, "  ")
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
	counts := fmt.Sprintf(t.Counts, f.Missed, f.Behind, f.DueSoon, f.OnTrack, f.NotStarted)
	line := st.Heading.Render(cells.Cut(head, w))
	if rest := w - cells.Width(head) - 2; rest > 8 {
		line += "  " + st.Muted.Render(cells.Cut(counts, rest))
	}
	return line
}

// isInline reports an overlay drawn in the status line.
func isInline(o overlay) bool {
	in, ok := o.(inliner)
	return ok && in.inline()
}

// statusLine: an inline prompt, the filter being typed, or a message.
func (a *App) statusLine(w int) string {
	st := a.c.st
	if a.overlay != nil && isInline(a.overlay) {
		return a.overlay.view(w, 1)
	}
	if a.overlay == nil && a.c.data != nil {
		if a.view == dashboardView && a.dash.filter.active() {
			return a.dash.filterLine(w)
		}
		if a.view == logView && a.rlog.filter.active() {
			return a.rlog.filterLine(w)
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

// helpLine: the keys that do something here.
func (a *App) helpLine(w int) string {
	if _, ok := a.overlay.(*tickPrompt); ok {
		return a.c.st.Muted.Render(cells.Cut(a.c.t.TickHint, w))
	}
	var parts []string
	for _, b := range a.shortHelp() {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		parts = append(parts, h.Key+" "+h.Desc)
	}
	line := ""
	for _, p := range parts {
		next := p
		if line != "" {
			next = line + "  " + p
		}
		if cells.Width(next) > w {
			break
		}
		line = next
	}
	return a.c.st.Muted.Render(line)
}

func (a *App) shortHelp() []key.Binding {
	k := a.c.keys
	switch {
	case a.showHelp:
		return nil
	case a.overlay != nil:
		return nil
	case a.c.data == nil:
		return []key.Binding{k.Quit}
	case a.c.data.empty:
		return []key.Binding{k.NewDuty, k.Import, k.Help, k.Quit}
	case a.view == mapView:
		return []key.Binding{k.Open, k.NextView, k.PrevYear, k.NextYear, k.Help, k.Quit}
	case a.view == logView:
		return []key.Binding{k.Edit, k.Delete, k.Filter, k.Undo, k.NextView, k.Help, k.Quit}
	case a.detail.open:
		return []key.Binding{k.Tick, k.Add, k.Edit, k.Delete, k.EditDuty, k.Undo, k.Back, k.Help}
	case len(a.c.data.status.Duties) == 0:
		keys := []key.Binding{k.NewDuty}
		if a.c.data.prevYear {
			keys = append(keys, k.Carry)
		}
		return append(keys, k.Import, k.PrevYear, k.NextYear, k.Help, k.Quit)
	}
	return []key.Binding{k.Tick, k.Add, k.Open, k.Filter, k.Export, k.NextView, k.PrevYear, k.NextYear, k.Help, k.Quit}
}

// errText is the sentence to show for err.
func errText(err error, lang model.Lang) string {
	if ie, ok := model.AsInput(err); ok {
		return ie.In(lang)
	}
	return err.Error()
}

// Package ui is taizhang's terminal interface, built on Bubble Tea v2: one
// root App, one file per screen, forms, keys, styles, and the wording in one
// catalogue per language. It reads and writes the ledger only through the
// Ledger interface, and only inside commands.
package ui

import (
	"context"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
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

// helpTitled is an overlay that takes no text, so that ? on it is help,
// titled as it says.
type helpTitled interface{ HelpTitle() string }

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
		// An overlay that takes no text (the record view) opens help on
		// its own keys with ?.
		if hv, ok := top.c.(helpTitled); ok && key.Matches(msg, lk.Help) {
			a.push(newHelpScreen(a.c, hv.HelpTitle(), top.c.FullHelp(), []key.Binding{lk.Undo, lk.Help, lk.Quit}), false)
			return nil
		}
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

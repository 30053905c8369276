package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// writtenMsg reports a write to the ledger.
type writtenMsg struct {
	err  error
	say  string
	undo *undoEntry
	from overlay // the form or prompt that asked for the write, if any
}

type undoKind int

const (
	undoAdded undoKind = iota
	undoEdited
	undoDeleted
)

// undoEntry is how to take back one record change.
type undoEntry struct {
	kind          undoKind
	before, after model.Record
	title         string
}

// describe names the change, for "已撤销…".
func (u undoEntry) describe(t *Text) string {
	r := u.after
	format := t.UndoAdd
	switch u.kind {
	case undoEdited:
		format = t.UndoEdit
	case undoDeleted:
		format, r = t.UndoDelete, u.before
	}
	return fmt.Sprintf(format, u.title, r.Date)
}

// write runs one ledger change in a command and reports it. Writes are
// counted while in flight, so that an undo waits for the change it would
// take back.
func (a *App) write(do func(ctx context.Context, l Ledger) writtenMsg) tea.Cmd {
	l, from := a.c.ledger, a.overlay
	a.writing++
	return func() tea.Msg {
		msg := do(context.Background(), l)
		msg.from = from
		return msg
	}
}

// written closes the form that asked for a change, or shows why it failed
// there; a form opened meanwhile is left alone.
func (a *App) written(msg writtenMsg) tea.Cmd {
	a.writing = max(0, a.writing-1)
	mine := msg.from != nil && a.overlay == msg.from
	if msg.err != nil {
		if f, ok := a.overlay.(failer); ok && mine {
			f.failed(a, msg.err)
			return nil
		}
		return a.say(fmt.Sprintf(a.c.t.Failed, errText(msg.err, a.c.lang)), true)
	}
	if mine {
		a.overlay = nil
	}
	if msg.undo != nil {
		a.undo = append(a.undo, *msg.undo)
	}
	return tea.Batch(a.reload(), a.say(msg.say, false))
}

// failer is an overlay that shows a failed save in place.
type failer interface{ failed(a *App, err error) }

// undoLast takes back the last record change of this session, provided
// the record is still as that change left it.
func (a *App) undoLast() tea.Cmd {
	if a.writing > 0 {
		return a.say(a.c.t.StillSaving, false)
	}
	if len(a.undo) == 0 {
		return a.say(a.c.t.NothingToUndo, false)
	}
	u := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	said := fmt.Sprintf(a.c.t.Undone, u.describe(a.c.t))
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		var err error
		switch u.kind {
		case undoAdded:
			err = l.UndoAdd(ctx, u.after)
		case undoEdited:
			err = l.UndoEdit(ctx, u.before, u.after)
		default:
			err = l.UndoDelete(ctx, u.before)
		}
		return writtenMsg{err: err, say: said}
	})
}

func (a *App) carry(from, to int) tea.Cmd {
	t := a.c.t
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		added, err := l.Carry(ctx, from, to)
		if err == nil && added.Added == 0 {
			return writtenMsg{say: fmt.Sprintf(t.NoPrevYear, from)}
		}
		return writtenMsg{err: err, say: fmt.Sprintf(t.Carried, from, added.Added)}
	})
}

// ---- tick: space records today, asking only for the topic ---------------

type tickPrompt struct {
	duty model.Duty
	day  model.Date
	f    *form
}

// tickOrForm is what space does: in the current year, the one-line prompt
// for today; in another year "today" is not in it, so the full form opens,
// dated within the year shown.
func (a *App) tickOrForm(d model.Duty) overlay {
	if a.year != a.c.today().Year() {
		return newRecordForm(a, d, nil)
	}
	return newTickPrompt(a, d)
}

func newTickPrompt(a *App, d model.Duty) *tickPrompt {
	p := &tickPrompt{duty: d, day: a.c.today(), f: &form{c: a.c}}
	p.f.text("topic", "", "")
	return p
}

func (p *tickPrompt) update(a *App, msg tea.KeyPressMsg) tea.Cmd {
	if !p.f.busy {
		p.f.err = "" // the next key goes back to the prompt
	}
	switch msg.String() {
	case "esc":
		a.overlay = nil
		return nil
	case "enter":
		if p.f.busy {
			return nil
		}
		p.f.busy = true
		r := model.Record{DutyID: p.duty.ID, Date: p.day, Topic: p.f.value("topic")}
		return a.addRecord(r, p.duty.Title)
	}
	var cmd tea.Cmd
	fl := p.f.fields[0]
	fl.in, cmd = fl.in.Update(msg)
	return cmd
}

func (p *tickPrompt) failed(a *App, err error) {
	p.f.busy = false
	p.f.err = errText(err, a.c.lang)
}

func (p *tickPrompt) inline() bool { return true }

// view is the one-line prompt; it sits in the status line, over the list.
func (p *tickPrompt) view(w, _ int) string {
	c := p.f.c
	st := c.st
	if p.f.err != "" {
		return st.Error.Render(cells.Cut(p.f.err, w))
	}
	// The prompt leaves at least a third of the line for typing: the title
	// is cut to fit, and in a narrow terminal the date is left out.
	room := w - w/3
	prompt := fmt.Sprintf(c.t.TickPrompt, cells.Cut(p.duty.Title, max(4, w/3)), p.day)
	if cells.Width(prompt) > room {
		prompt = fmt.Sprintf(c.t.TickPromptShort, cells.Cut(p.duty.Title, max(4, room-cells.Width(fmt.Sprintf(c.t.TickPromptShort, "")))))
	}
	prompt = cells.Cut(prompt, room)
	fl := p.f.fields[0]
	fl.in.SetWidth(max(1, w-cells.Width(prompt)-2))
	fl.in.SetCursor(fl.in.Position())
	return st.Accent.Render(prompt) + fl.in.View()
}

func (a *App) addRecord(r model.Record, title string) tea.Cmd {
	t, today := a.c.t, a.c.today()
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		saved, err := l.AddRecord(ctx, r, today)
		if err != nil {
			return writtenMsg{err: err}
		}
		return writtenMsg{say: fmt.Sprintf(t.Logged, title, saved.Date),
			undo: &undoEntry{kind: undoAdded, after: saved, title: title}}
	})
}

// ---- confirm a delete -----------------------------------------------------

type confirmDelete struct {
	r     model.Record
	title string
	c     *common
}

func newConfirmDelete(a *App, r model.Record) *confirmDelete {
	return &confirmDelete{r: r, title: a.c.data.titles[r.DutyID], c: a.c}
}

func (p *confirmDelete) inline() bool { return true }

func (p *confirmDelete) update(a *App, msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "y", "Y":
		a.overlay = nil
		r, title, t := p.r, p.title, a.c.t
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			old, err := l.DeleteRecord(ctx, r)
			if err != nil {
				return writtenMsg{err: err}
			}
			return writtenMsg{say: fmt.Sprintf(t.Deleted, title, old.Date), undo: &undoEntry{kind: undoDeleted, before: old, title: title}}
		})
	case "n", "N", "esc", "q":
		a.overlay = nil
	}
	return nil
}

func (p *confirmDelete) view(w, _ int) string {
	t, st := p.c.t, p.c.st
	q := fmt.Sprintf(t.ConfirmDelete, p.r.Date, cells.Cut(p.title+" "+p.r.Topic, max(8, w/2)))
	return st.Error.Render(cells.Cut(q, w-cells.Width(t.Yes+t.No)-4)) + "  " + st.Key.Render(t.Yes) + "  " + st.Key.Render(t.No)
}

// inliner is an overlay drawn in the status line, leaving the screen under it.
type inliner interface{ inline() bool }

// ---- the record form ------------------------------------------------------

type recordForm struct {
	f       *form
	duty    model.Duty
	editing *model.Record
}

func newRecordForm(a *App, d model.Duty, r *model.Record) *recordForm {
	c := a.c
	t := c.t
	rf := &recordForm{duty: d, editing: r, f: &form{c: c}}
	day := c.today()
	if y := c.data.year; y < day.Year() {
		day = model.NewDate(y, 12, 31) // filling in a past year
	}
	var rec model.Record
	rf.f.title = fmt.Sprintf(t.NewRecord, d.Title)
	if r != nil {
		rec, day = *r, r.Date
		rf.f.title = fmt.Sprintf(t.EditRecord, d.Title)
	}
	rf.f.date("date", t.Date, day)
	rf.f.text("topic", t.Topic, rec.Topic)
	with := rf.f.text("with", t.With, rec.With)
	with.complete = func(v string) []string { return suggestPeople(c.data.people, v) }
	rf.f.text("place", t.Place, rec.Place)
	rf.f.text("note", t.Note, rec.Note)
	if r == nil {
		rf.f.focusField(1) // the date is usually today: start at the topic
	}
	return rf
}

// suggestPeople offers known names that complete the one being typed
// (by its start or its pinyin initials), at most five.
func suggestPeople(people []string, value string) []string {
	cut := strings.LastIndexAny(value, "、，,；; ")
	typed := value
	if cut >= 0 {
		_, size := lastRune(value[cut:])
		typed = value[cut+size:]
	}
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return nil
	}
	already := map[string]bool{}
	for _, p := range model.People(value) {
		already[p] = true
	}
	var out []string
	for _, p := range people {
		if p == typed || already[p] && p != typed {
			continue
		}
		if strings.HasPrefix(p, typed) || strings.HasPrefix(model.Initials(p), strings.ToLower(typed)) && isASCII(typed) {
			out = append(out, p)
			if len(out) == 5 {
				break
			}
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func (rf *recordForm) update(a *App, msg tea.KeyPressMsg) tea.Cmd {
	return rf.f.drive(a, msg, rf.submit)
}

func (rf *recordForm) submit(a *App) tea.Cmd {
	c := a.c
	rf.f.clearErrors()
	day, err := model.ParseDate(strings.TrimSpace(rf.f.value("date")))
	if err != nil {
		rf.f.setError("date", model.Invalid(nil, "日期无效；请写成 YYYY-MM-DD，如 2026-03-15。",
			"The date is not valid; write it as YYYY-MM-DD, e.g. 2026-03-15.").In(c.lang))
		return nil
	}
	if day > c.today() {
		rf.f.setError("date", model.Invalid(nil, "日期晚于今天，不能登记未来的记录。",
			"The date is in the future; records can only be logged for today or earlier.").In(c.lang))
		return nil
	}
	r := model.Record{DutyID: rf.duty.ID, Date: day, Topic: rf.f.value("topic"), With: rf.f.value("with"),
		Place: rf.f.value("place"), Note: rf.f.value("note")}
	rf.f.busy = true
	if rf.editing == nil {
		return a.addRecord(r, rf.duty.Title)
	}
	r.ID, r.Rev = rf.editing.ID, rf.editing.Rev
	t, today, title := c.t, c.today(), rf.duty.Title
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		before, after, err := l.UpdateRecord(ctx, r, today)
		if err != nil {
			return writtenMsg{err: err}
		}
		return writtenMsg{say: fmt.Sprintf(t.Saved, title, r.Date), undo: &undoEntry{kind: undoEdited, before: before, after: after, title: title}}
	})
}

func (rf *recordForm) failed(a *App, err error) {
	rf.f.busy = false
	field := ""
	if ie, ok := model.AsInput(err); ok {
		field = ie.Field
	}
	if errors.Is(err, model.ErrNoTarget) {
		field = "date" // the duty has no target in the date's year
	}
	rf.f.setError(field, errText(err, a.c.lang))
}

func (rf *recordForm) view(w, _ int) string { return rf.f.view(min(w, 100)) }

// ---- the duty form --------------------------------------------------------

type dutyForm struct {
	f    *form
	year int
	old  *model.DutyYear
}

func newDutyForm(a *App, dy *model.DutyYear) *dutyForm {
	c := a.c
	t := c.t
	df := &dutyForm{f: &form{c: c}, year: a.year, old: dy}
	df.f.title = fmt.Sprintf(t.NewDuty, a.year)
	d, tg := model.Duty{Category: model.Study}, model.Target{Cadence: model.Year, Min: 1}
	if dy != nil {
		d, tg = dy.Duty, dy.Target
		df.f.title = fmt.Sprintf(t.EditDuty, a.year)
	}
	df.f.text("title", t.Title, d.Title)
	var cats []string
	for _, k := range model.Categories {
		cats = append(cats, k.Name(c.lang))
	}
	df.f.choice("category", t.Category, cats, d.Category.Rank())
	var cads []string
	chosen := 0
	for i, k := range model.Cadences {
		cads = append(cads, k.Name(c.lang))
		if k == tg.Cadence {
			chosen = i
		}
	}
	df.f.choice("cadence", t.Cadence, cads, chosen)
	df.f.text("min", t.Min, strconv.Itoa(tg.Min))
	df.f.text("basis", t.Basis, d.Basis)
	start := df.f.date("start", t.Start, tg.Start)
	start.hint = t.DateHint
	if dy != nil {
		if on := dy.Duty.Archived; !on.IsZero() {
			df.f.check("archive", t.Archive, fmt.Sprintf(t.ArchivedLabel, on)).checked = true
		} else {
			df.f.check("archive", t.Archive, t.ArchiveLabel)
		}
	}
	return df
}

func (df *dutyForm) update(a *App, msg tea.KeyPressMsg) tea.Cmd { return df.f.drive(a, msg, df.submit) }

func (df *dutyForm) submit(a *App) tea.Cmd {
	c := a.c
	f := df.f
	f.clearErrors()
	n, err := strconv.Atoi(strings.TrimSpace(f.value("min")))
	if err != nil || n < 1 || n > model.MaxMin {
		f.setError("min", c.t.MinInvalid)
		return nil
	}
	var start model.Date
	if s := strings.TrimSpace(f.value("start")); s != "" {
		if start, err = model.ParseDate(s); err != nil {
			f.setError("start", model.Invalid(nil, "起始日期无效；请写成 YYYY-MM-DD，或留空。",
				"The start date is not valid; write it as YYYY-MM-DD or leave it empty.").In(c.lang))
			return nil
		}
	}
	d := model.Duty{Title: f.value("title"), Category: model.Categories[f.field("category").choice], Basis: f.value("basis")}
	tg := model.Target{Year: df.year, Cadence: model.Cadences[f.field("cadence").choice], Min: n, Start: start}
	f.busy = true
	t, today := c.t, c.today()
	if df.old == nil {
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			_, err := l.AddDuty(ctx, d, tg)
			return writtenMsg{err: err, say: fmt.Sprintf(t.DutyAdded, model.CleanLine(d.Title))}
		})
	}
	d.ID, d.Description, d.Rev = df.old.Duty.ID, df.old.Duty.Description, df.old.Duty.Rev
	change := data.DutyChange{Duty: d, Target: &tg}
	said := fmt.Sprintf(t.DutySaved, model.CleanLine(d.Title))
	switch archived, checked := !df.old.Duty.Archived.IsZero(), f.field("archive").checked; {
	case checked && !archived:
		change.Archive = today
		said = fmt.Sprintf(t.DutyArchived, model.CleanLine(d.Title))
	case !checked && archived:
		change.Restore = true
		said = fmt.Sprintf(t.DutyRestored, model.CleanLine(d.Title))
	}
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		return writtenMsg{err: l.EditDuty(ctx, change), say: said}
	})
}

func (df *dutyForm) failed(a *App, err error) {
	df.f.busy = false
	field := ""
	if ie, ok := model.AsInput(err); ok {
		field = ie.Field // the form's fields share the model's names
	}
	df.f.setError(field, errText(err, a.c.lang))
}

func (df *dutyForm) view(w, _ int) string { return df.f.view(min(w, 100)) }

// ---- first run: offer the built-in duty sets -----------------------------

func (a *App) firstRunKey(msg tea.KeyPressMsg) tea.Cmd {
	k := a.c.keys
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		a.showHelp = true
		return nil
	case key.Matches(msg, k.NewDuty):
		a.overlay = newDutyForm(a, nil)
		return nil
	case key.Matches(msg, k.Import):
		a.overlay = newPlanSource(a)
		return nil
	}
	i, err := strconv.Atoi(msg.String())
	if err != nil || i < 1 || i > len(model.Templates) {
		return nil
	}
	tpl := model.Templates[i-1]
	ds, ts := tpl.Build(a.year, a.c.lang)
	t, year := a.c.t, a.year
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		added, err := l.AddDuties(ctx, ds, ts)
		return writtenMsg{err: err, say: fmt.Sprintf(t.TemplateApplied, added.Added, year)}
	})
}

func (a *App) firstRunView(w, _ int) string {
	t, st := a.c.t, a.c.st
	var lines []string
	lines = append(lines, st.Title.Render(cells.Cut(t.FirstRunTitle, w)), "")
	for _, l := range strings.Split(t.FirstRunBody, "\n") {
		lines = append(lines, wrap(l, w, 3)...)
	}
	lines = append(lines, "")
	for i, tpl := range model.Templates {
		var names []string
		for _, d := range tpl.Duties[:min(3, len(tpl.Duties))] {
			names = append(names, model.In(d.Title, a.c.lang))
		}
		item := fmt.Sprintf("%d  %s", i+1, model.In(tpl.Title, a.c.lang))
		count := fmt.Sprintf("（%d）", len(tpl.Duties))
		if a.c.lang == model.English {
			count = fmt.Sprintf(" (%d)", len(tpl.Duties))
		}
		lines = append(lines, st.Key.Render(cells.Cut(item+count, w)))
		lines = append(lines, st.Muted.Render(cells.Cut("   "+strings.Join(names, t.ListSep)+" ..", w)))
	}
	lines = append(lines, "", cells.Cut(t.FirstRunNew, w), cells.Cut(t.FirstRunImport, w))
	return strings.Join(lines, "\n")
}

// ---- help -----------------------------------------------------------------

func (a *App) helpView(w, h int) string {
	k, st := a.c.keys, a.c.st
	// Keys that go together share a line: k/up j/down  上移、下移.
	type entry struct{ keys, desc string }
	sep := "、"
	if a.c.lang == model.English {
		sep = " / "
	}
	one := func(b key.Binding) entry { return entry{b.Help().Key, b.Help().Desc} }
	two := func(b, c key.Binding) entry {
		return entry{b.Help().Key + " " + c.Help().Key, b.Help().Desc + sep + c.Help().Desc}
	}
	groups := [][]entry{
		{two(k.Up, k.Down), two(k.PageUp, k.PageDown), two(k.Top, k.Bottom), one(k.Open), one(k.Back)},
		{one(k.Tick), one(k.Add), two(k.Edit, k.EditDuty), one(k.Delete), one(k.Undo), one(k.NewDuty)},
		{one(k.Filter), two(k.NextView, k.PrevView), two(k.PrevYear, k.NextYear), one(k.Carry), two(k.Import, k.Export), two(k.Help, k.Quit)},
	}
	keyW, tall := 0, 2+1 // the title and a blank line, the closing line
	for _, g := range groups {
		tall += len(g) + 1
		for _, e := range g {
			keyW = max(keyW, cells.Width(e.keys))
		}
	}
	column := func(gs [][]entry, width int, spaced bool) []string {
		var lines []string
		for i, g := range gs {
			if i > 0 && spaced {
				lines = append(lines, "")
			}
			for _, e := range g {
				desc := cells.Cut(e.desc, max(0, width-keyW-4))
				lines = append(lines, "  "+st.Key.Render(cells.Fit(e.keys, keyW))+"  "+desc)
			}
		}
		return lines
	}
	var body []string
	switch {
	case tall <= h:
		body = column(groups, w, true)
	case w >= 72:
		// Moving and writing on the left, the rest on the right.
		left := strings.Join(column(groups[:2], w/2-1, true), "\n")
		right := strings.Join(column(groups[2:], w-w/2-1, true), "\n")
		body = strings.Split(joinColumns(left, right, w/2, 1), "\n")
	default:
		body = column(groups, w, false)
	}
	lines := append([]string{st.Title.Render(cells.Cut(a.c.t.HelpTitle, w)), ""}, body...)
	lines = append(lines, "", st.Muted.Render(cells.Cut(a.c.t.HelpClose, w)))
	if len(lines) > h && h > 0 {
		// Too short for all of it: the blank lines go first, the closing
		// line stays.
		lines = append(append([]string{lines[0]}, body...), lines[len(lines)-1])
	}
	return strings.Join(lines, "\n")
}

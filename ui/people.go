package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// peopleLedger is what the people view and its forms need of the store.
type peopleLedger interface {
	Roster(ctx context.Context) (model.Roster, error)
	AddPerson(ctx context.Context, p model.Person, joins []data.Joining) (model.Person, error)
	EditPerson(ctx context.Context, p model.Person) (before, after model.Person, err error)
	Leave(ctx context.Context, p model.Person, g string, day model.Date) (model.Membership, error)
	RemovePerson(ctx context.Context, p model.Person) (data.RemovedPerson, error)
	UndoAddPerson(ctx context.Context, p model.Person) error
	UndoEditPerson(ctx context.Context, before, after model.Person) error
	UndoLeave(ctx context.Context, m model.Membership, day model.Date) error
	UndoRemovePerson(ctx context.Context, rp data.RemovedPerson) error
}

// peopleKeys are the keys of the people view.
type peopleKeys struct{ Add, AddMany, Edit, Leave, Remove key.Binding }

func newPeopleKeys(pt *PeopleText) peopleKeys {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	return peopleKeys{Add: b("a", pt.KeyAdd), AddMany: b("A", pt.KeyAddMany), Edit: b("e", pt.KeyEdit), Leave: b("l", pt.KeyLeave), Remove: b("d", pt.KeyRemove)}
}

// personRow is one line of the people view: a member of a group, or an
// empty group.
type personRow struct {
	group  string
	person model.Person
	member model.Membership
	empty  bool
}

// rosterView is the roster by group, with each member's talks this year
// under the per-person duties owed to that group.
type rosterView struct {
	c    *common
	pt   *PeopleText
	keys peopleKeys
	rows []personRow
	list scroll
	w, h int
}

func newRosterView(c *common) *rosterView {
	pt := peopleText(c.lang)
	return &rosterView{c: c, pt: pt, keys: newPeopleKeys(pt)}
}

func (v *rosterView) refresh() {
	v.rows = v.rows[:0]
	d := v.c.data
	if d == nil {
		return
	}
	r := d.roster
	for _, g := range r.Groups {
		ms := r.MembersOf(g)
		if len(ms) == 0 {
			v.rows = append(v.rows, personRow{group: g, empty: true})
		}
		for _, m := range ms {
			p, _ := r.Person(m.PersonID)
			v.rows = append(v.rows, personRow{group: g, person: p, member: m})
		}
	}
	// People in no group are listed too, so they can be found and removed.
	for _, p := range r.People {
		if len(r.GroupsOf(p.ID)) == 0 {
			v.rows = append(v.rows, personRow{person: p})
		}
	}
	v.list.setLen(len(v.rows))
}

// SetSize hands the view its size: a heading, then the rows.
func (v *rosterView) SetSize(w, h int) {
	v.w, v.h = w, h
	v.list.setRoom(h - 1)
}

func (v *rosterView) move(n int)     { v.list.move(n) }
func (v *rosterView) clickRow(y int) { v.list.click(y - 1) }
func (v *rosterView) Typing() bool   { return false }
func (v *rosterView) Status() string { return "" }
func (v *rosterView) selected() (personRow, bool) {
	if v.list.cursor < 0 || v.list.cursor >= len(v.rows) {
		return personRow{}, false
	}
	return v.rows[v.list.cursor], true
}

// Update moves and asks for the roster's forms and removal.
func (v *rosterView) Update(msg tea.Msg) (Component, tea.Cmd) {
	switch msg := msg.(type) {
	case dataMsg:
		v.refresh()
	case tea.KeyPressMsg:
		if v.list.keys(v.c.keys.List, msg) {
			return v, nil
		}
		row, ok := v.selected()
		isPerson := ok && !row.empty
		switch {
		case key.Matches(msg, v.keys.Add):
			v.c.post(openPersonFormMsg{group: row.group})
		case key.Matches(msg, v.keys.AddMany) && v.manyGroup(row) != "":
			v.c.post(openAddManyMsg{group: v.manyGroup(row)})
		case !isPerson:
		case key.Matches(msg, v.keys.Edit):
			v.c.post(openPersonFormMsg{person: &row.person})
		case key.Matches(msg, v.keys.Leave) && row.group != "" && row.member.To.IsZero():
			v.c.post(openLeaveFormMsg{person: row.person, group: row.group})
		case key.Matches(msg, v.keys.Remove):
			v.c.post(askRemovePersonMsg{person: row.person})
		}
	}
	return v, nil
}

// manyGroup is the group add several puts people in: the row's, or
// the first there is for a row in none; "" when there is no group yet.
func (v *rosterView) manyGroup(row personRow) string {
	if row.group != "" {
		return row.group
	}
	if d := v.c.data; d != nil && len(d.roster.Groups) > 0 {
		return d.roster.Groups[0]
	}
	return ""
}

// ShortHelp is the hint line of the view.
func (v *rosterView) ShortHelp() []key.Binding {
	lk := v.c.keys.Ledger
	row, ok := v.selected()
	person := ok && !row.empty
	return []key.Binding{v.keys.Add, enabled(v.keys.AddMany, v.manyGroup(row) != ""), enabled(v.keys.Edit, person), enabled(v.keys.Leave, person && row.group != "" && row.member.To.IsZero()),
		enabled(v.keys.Remove, person), lk.Undo, lk.NextView, lk.Help, lk.Quit}
}

// FullHelp is every key of the view.
func (v *rosterView) FullHelp() [][]key.Binding {
	row, ok := v.selected()
	person := ok && !row.empty
	return [][]key.Binding{moving(v.c.keys.List), {v.keys.Add, enabled(v.keys.AddMany, v.manyGroup(row) != ""), enabled(v.keys.Edit, person),
		enabled(v.keys.Leave, person && row.group != "" && row.member.To.IsZero()), enabled(v.keys.Remove, person)}}
}

// talks is a member's records this year under the per-person duties owed
// to group g, and whether they are short in any of them.
func (v *rosterView) talks(g string, id int64) (n int, short, owed bool) {
	for _, dy := range v.c.data.status.Duties {
		if dy.Coverage == nil || dy.Target.Each != g {
			continue
		}
		for _, p := range dy.Coverage.Required {
			if p.ID == id {
				owed = true
				n += p.Count
				for _, m := range dy.Coverage.Missing {
					short = short || m == p.Label
				}
			}
		}
	}
	return n, short, owed
}

// View draws the roster by group.
func (v *rosterView) View() string {
	w, pt, st := v.w, v.pt, v.c.st
	d := v.c.data
	if d == nil {
		return ""
	}
	if len(v.rows) == 0 {
		return st.Muted.Render(cells.Cut(pt.Empty, w)) + "\n" + st.Muted.Render(cells.Cut(pt.EmptyHint, w))
	}
	groupW := 2
	for _, g := range d.roster.Groups {
		groupW = max(groupW, cells.Width(g))
	}
	groupW = min(groupW, max(8, w/4))
	nameW := min(16, max(8, w/5))
	// The time in the group is as wide as the widest one shown, so a
	// leave day just entered is never cut (2026-07-01 to 2026-11-30).
	spanW, talkW := cells.Width(pt.ColSpan), max(10, cells.Width(pt.ColTalks))
	for _, r := range v.rows {
		if !r.empty {
			spanW = max(spanW, cells.Width(v.span(r.member)))
		}
	}
	if w < 70 {
		spanW = 0 // the time in the group is in the form; the names come first
	}
	noteW := max(0, w-2-groupW-nameW-spanW-talkW-8)
	row := func(g, name, span, talks, note string) string {
		s := cells.Pad(cells.Cut(g, groupW), groupW) + "  " + cells.Pad(cells.Cut(name, nameW), nameW) + "  "
		if spanW > 0 {
			s += cells.Pad(cells.Cut(span, spanW), spanW) + "  "
		}
		s += cells.Pad(cells.Cut(talks, talkW), talkW)
		if noteW > 3 {
			s += "  " + cells.Cut(note, noteW)
		}
		return ansi.Truncate(strings.TrimRight(s, " "), max(1, w-2), cells.Tail) // the cells are clean
	}
	var b strings.Builder
	b.WriteString(st.Muted.Render("  " + row(pt.Group, pt.ColName, pt.ColSpan, pt.ColTalks, pt.ColNote)))
	from, to := v.list.window()
	for i := from; i < to; i++ {
		r := v.rows[i]
		g := r.group
		if i > from && v.rows[i-1].group == g {
			g = ""
		}
		var line string
		if r.empty {
			line = row(model.CleanLine(g), pt.Nobody, "", "", "")
		} else {
			talks := ""
			if n, short, owed := v.talks(r.group, r.person.ID); owed {
				talks = fmt.Sprint(n)
				if short {
					talks += " " + pt.NotCovered
				}
			}
			line = row(model.CleanLine(g), model.CleanLine(d.roster.Label(r.person)), v.span(r.member), talks, model.CleanLine(r.person.Note))
		}
		b.WriteString("\n")
		if i == v.list.cursor {
			b.WriteString(st.Marker.Render("> ") + st.Selected.Render(line))
		} else {
			b.WriteString("  " + line)
		}
	}
	return b.String()
}

func (v *rosterView) span(m model.Membership) string {
	switch {
	case m.From.IsZero() && m.To.IsZero():
		return ""
	case m.To.IsZero():
		return fmt.Sprintf(v.pt.Since, m.From)
	case m.From.IsZero():
		return fmt.Sprintf(v.pt.Until, m.To)
	}
	return fmt.Sprintf(v.pt.FromTo, m.From, m.To)
}

// Intents of the people view.
type (
	openPersonFormMsg struct {
		person *model.Person // nil for a new person
		group  string        // the group a new person is put in first
	}
	openAddManyMsg   struct{ group string }
	openLeaveFormMsg struct {
		person model.Person
		group  string
	}
	removePersonMsg    struct{ person model.Person }
	askRemovePersonMsg struct{ person model.Person }
	addPersonMsg       struct {
		person model.Person
		join   data.Joining
	}
	editPersonMsg struct{ person model.Person }
	leaveGroupMsg struct {
		person model.Person
		group  string
		day    model.Date
	}
)

// personForm adds a person (name, group, joined, note) or edits one
// (name, note).
type personForm struct {
	formScreen
	pt  *PeopleText
	old *model.Person
}

func newPersonForm(c *common, p *model.Person, group string) *personForm {
	pt := peopleText(c.lang)
	pf := &personForm{formScreen: newFormScreen(c), pt: pt, old: p}
	pf.f.title = pt.NewPerson
	var cur model.Person
	if p != nil {
		cur = *p
		pf.f.title = fmt.Sprintf(pt.EditPerson, model.CleanLine(c.data.roster.Label(cur)))
	}
	pf.f.text("name", pt.Name, cur.Name)
	if p == nil {
		g := pf.f.text("group", pt.Group, group)
		groups := c.data.roster.Groups
		g.complete, g.single = func(v string) []string { return startingWith(groups, v) }, true
		pf.f.date("from", pt.From, 0)
	}
	pf.f.text("note", c.t.Note, cur.Note)
	return pf
}

// startingWith are the names among all that begin with what v has typed,
// for a field's completion: the groups of the roster. Nothing is offered
// before a character is typed, so that tab on an empty field moves on.
func startingWith(all []string, v string) []string {
	if strings.TrimSpace(v) == "" {
		return nil // tab on an empty field moves on
	}
	var out []string
	for _, x := range all {
		if strings.HasPrefix(x, strings.TrimSpace(v)) && x != v {
			out = append(out, x)
		}
	}
	return out
}

// Update edits the fields; a refusal shows under the name.
func (pf *personForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	return pf, pf.update(msg, "name", pf.submit)
}

func (pf *personForm) submit() {
	f := pf.f
	f.clearErrors()
	p := model.Person{Name: f.value("name"), Note: f.value("note")}
	if pf.old != nil {
		p.ID, p.Rev = pf.old.ID, pf.old.Rev
		f.saving(editPersonMsg{p})
		return
	}
	var from model.Date
	if s := strings.TrimSpace(f.value("from")); s != "" {
		d, err := model.ParseDate(s)
		if err != nil {
			f.setError("from", pf.pt.BadDate)
			return
		}
		from = d
	}
	f.saving(addPersonMsg{p, data.Joining{Group: f.value("group"), From: from}})
}

// leaveForm asks for the last day a person was in a group.
type leaveForm struct {
	formScreen
	pt     *PeopleText
	person model.Person
	group  string
}

func newLeaveForm(c *common, p model.Person, group string) *leaveForm {
	pt := peopleText(c.lang)
	lf := &leaveForm{formScreen: newFormScreen(c), pt: pt, person: p, group: group}
	lf.f.title = fmt.Sprintf(pt.LeavePerson, model.CleanLine(c.data.roster.Label(p)), model.CleanLine(group))
	lf.f.date("date", pt.LeaveDate, c.today())
	return lf
}

// Update edits the day; a refusal shows under it.
func (lf *leaveForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	return lf, lf.update(msg, "date", lf.submit)
}

func (lf *leaveForm) submit() {
	lf.f.clearErrors()
	d, err := model.ParseDate(strings.TrimSpace(lf.f.value("date")))
	if err != nil {
		lf.f.setError("date", lf.pt.BadDate)
		return
	}
	lf.f.saving(leaveGroupMsg{lf.person, lf.group, d})
}

// peopleIntent acts on the people view's intents; ok is false for any
// other message.
func (a *App) peopleIntent(msg tea.Msg) (tea.Cmd, bool) {
	c := a.c
	pt := peopleText(c.lang)
	pl, can := c.ledger.(peopleLedger)
	switch m := msg.(type) {
	case openPersonFormMsg:
		a.push(newPersonForm(c, m.person, m.group), false)
	case openLeaveFormMsg:
		a.push(newLeaveForm(c, m.person, m.group), false)
	case openAddManyMsg:
		a.push(newAddMany(c, m.group), false)
	case askRemovePersonMsg:
		a.push(newConfirmRemove(c, m.person), true)
	case addPersonMsg:
		if !can {
			return nil, true
		}
		p, j := m.person, m.join
		return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
			saved, err := pl.AddPerson(ctx, p, []data.Joining{j})
			if err != nil {
				return writtenMsg{err: err}
			}
			name := model.CleanLine(saved.Name)
			return writtenMsg{say: fmt.Sprintf(pt.Added, name),
				undo: &undoEntry{desc: fmt.Sprintf(pt.UndoAdd, name), fn: func(ctx context.Context) error { return pl.UndoAddPerson(ctx, saved) }}}
		}), true
	case editPersonMsg:
		if !can {
			return nil, true
		}
		p := m.person
		return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
			before, after, err := pl.EditPerson(ctx, p)
			if err != nil {
				return writtenMsg{err: err}
			}
			name := model.CleanLine(after.Name)
			return writtenMsg{say: fmt.Sprintf(pt.Saved, name),
				undo: &undoEntry{desc: fmt.Sprintf(pt.UndoEdit, name), fn: func(ctx context.Context) error { return pl.UndoEditPerson(ctx, before, after) }}}
		}), true
	case leaveGroupMsg:
		if !can {
			return nil, true
		}
		p, g, day := m.person, m.group, m.day
		return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
			mb, err := pl.Leave(ctx, p, g, day)
			if err != nil {
				return writtenMsg{err: err}
			}
			name := model.CleanLine(p.Name)
			return writtenMsg{say: fmt.Sprintf(pt.Left, name, model.CleanLine(g)),
				undo: &undoEntry{desc: fmt.Sprintf(pt.UndoLeave, name), fn: func(ctx context.Context) error { return pl.UndoLeave(ctx, mb, day) }}}
		}), true
	case removePersonMsg:
		if !can {
			return nil, true
		}
		p := m.person
		return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
			rp, err := pl.RemovePerson(ctx, p)
			if err != nil {
				return writtenMsg{err: err}
			}
			name := model.CleanLine(p.Name)
			return writtenMsg{say: fmt.Sprintf(pt.Removed, name),
				undo: &undoEntry{desc: fmt.Sprintf(pt.UndoRemove, name), fn: func(ctx context.Context) error { return pl.UndoRemovePerson(ctx, rp) }}}
		}), true
	default:
		return nil, false
	}
	return nil, true
}

// coverageLines are, for a per-person duty's detail, who has been talked
// to, who not yet, and the names outside the group, wrapped to w.
func coverageLines(c *common, dy model.DutyYear, w int) []string {
	cv := dy.Coverage
	if cv == nil {
		return nil
	}
	pt := peopleText(c.lang)
	sep := c.t.ListSep
	if len(cv.Required) == 0 {
		return wrap(fmt.Sprintf(pt.NoGroupYet, model.CleanLine(dy.Target.Each)), w, 3)
	}
	clean := func(ss []string) string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = model.CleanLine(s)
		}
		return strings.Join(out, sep)
	}
	head := pt.Coverage + c.t.Colon + cv.Ratio(c.lang)
	if cv.Full() {
		head += " " + pt.Everyone
	}
	lines := []string{head}
	if names := cv.CoveredNames(); len(names) > 0 {
		lines = append(lines, wrap(pt.Covered+c.t.Colon+clean(names), w, 3)...)
	}
	if len(cv.Missing) > 0 {
		lines = append(lines, wrap(pt.Missing+c.t.Colon+clean(cv.Missing), w, 3)...)
	}
	if len(cv.Outside) > 0 {
		lines = append(lines, wrap(pt.Outside+c.t.Colon+clean(cv.Outside), w, 2)...)
	}
	return lines
}

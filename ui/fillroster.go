package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// rosterFiller is what the first run's roster step needs of the store.
type rosterFiller interface {
	FillGroups(ctx context.Context, fills []data.GroupFill) (data.Filled, error)
	UndoFill(ctx context.Context, f data.Filled) error
}

// fillGroupsMsg asks to put the names typed in their groups, from the
// post start date of year when it has one.
type fillGroupsMsg struct {
	fills []data.GroupFill
	year  int
	// given: the join day was given with the names (the People view's
	// add several), rather than taken from the post start date.
	given bool
}

// rosterFill is the first run's last step: once a duty set is chosen and
// the post start date asked, the names of the people its per-person
// duties are owed to, one field per group (科室干部, 分管科室负责人).
// Names are typed or pasted one a line or separated as participants are;
// enter starts the next name, ctrl+s saves, esc skips.
type rosterFill struct {
	formScreen
	pt     *PeopleText
	groups []string
	year   int
	next   key.Binding
	// many: opened from the People view to add several people to one
	// group, with a join day; esc cancels rather than skips.
	many bool
}

func newRosterFill(c *common, groups []string, year int) *rosterFill {
	pt := peopleText(c.lang)
	rf := &rosterFill{formScreen: newFormScreen(c), pt: pt, groups: groups, year: year,
		next: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", pt.FillNext))}
	rf.f.title = pt.FillTitle
	for i, g := range groups {
		rf.f.text(fmt.Sprint("g", i), model.CleanLine(g), "").whole = true
	}
	return rf
}

// newAddMany is the People view's add several: the names of one group's
// new people, typed or pasted as on the first run, and the day they
// joined (empty for all along).
func newAddMany(c *common, group string) *rosterFill {
	rf := newRosterFill(c, []string{group}, c.today().Year())
	rf.many = true
	rf.f.title = fmt.Sprintf(rf.pt.ManyTitle, model.CleanLine(group))
	rf.f.date("from", rf.pt.From, 0)
	return rf
}

// Update: enter leaves a 、 for the next name (a name per line, as it
// would be written on paper); a paste of lines becomes names separated
// by 、; the rest edits the form.
func (rf *rosterFill) Update(msg tea.Msg) (Component, tea.Cmd) {
	fl := rf.f.fields[rf.f.focus]
	if fl.key == "from" {
		return rf, rf.update(msg, "", rf.submit) // a date: enter moves on
	}
	switch m := msg.(type) {
	case failedMsg:
		return rf, rf.update(msg, "", rf.submit)
	case tea.PasteMsg:
		text := strings.NewReplacer("\r\n", "、", "\r", "、", "\n", "、").Replace(m.Content)
		return rf, rf.update(tea.PasteMsg{Content: text}, "", rf.submit)
	case tea.KeyPressMsg:
		if rf.f.busy {
			return rf, nil // a save is in flight
		}
		if key.Matches(m, rf.next) {
			v := fl.in.Value()
			if strings.TrimSpace(v) != "" && people(v) == v {
				fl.in.SetValue(v + "、")
				fl.in.CursorEnd()
			}
			return rf, nil
		}
	}
	return rf, rf.update(msg, "", rf.submit)
}

// submit reads each group's names; a group left empty is skipped, and
// with every group empty the step closes as if skipped.
func (rf *rosterFill) submit() {
	f := rf.f
	f.clearErrors()
	var fills []data.GroupFill
	for i, g := range rf.groups {
		k := fmt.Sprint("g", i)
		if people(strings.TrimSpace(f.value(k))) == "" {
			continue
		}
		ps, err := model.ParseNames(f.value(k))
		if err != nil {
			f.setError(k, f.c.errText(err))
			return
		}
		fills = append(fills, data.GroupFill{Group: g, People: ps})
	}
	if rf.many {
		if len(fills) == 0 {
			f.setError("g0", rf.f.c.errText(model.Refuse(nil, model.KindNoNames)))
			return
		}
		if v := strings.TrimSpace(f.value("from")); v != "" {
			d, err := model.ParseDate(v)
			if err != nil {
				f.setError("from", rf.pt.BadDate)
				return
			}
			fills[0].From = d
		}
		f.saving(fillGroupsMsg{fills: fills, year: rf.year, given: true})
		return
	}
	if len(fills) == 0 {
		f.c.post(closeMsg{})
		return
	}
	f.saving(fillGroupsMsg{fills: fills, year: rf.year})
}

// View draws why the step is there, then the form, with its own keys.
func (rf *rosterFill) View() string {
	w, st := rf.w, rf.f.c.st
	form := rf.f.view(w)
	if i := strings.LastIndex(form, "\n"); i >= 0 {
		form = form[:i] // the form's own hint line: enter here starts a name
	}
	title, body, _ := strings.Cut(form, "\n")
	why, skip := rf.pt.FillWhy, key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", rf.pt.FillSkip))
	k := rf.f.c.keys.Form
	if rf.many {
		why, skip = rf.pt.ManyWhy, k.Cancel
	}
	var lines []string
	for _, l := range wrap(why, w, 5) {
		lines = append(lines, st.Muted.Render(l))
	}
	// enter starts a name here: tab alone moves to the next field.
	tab := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", k.Next.Help().Desc))
	keys := hint(rf.next, enabled(tab, len(rf.f.fields) > 1), k.Submit, skip)
	return title + "\n" + strings.Join(lines, "\n") + "\n" + body + "\n" + st.Muted.Render(cells.Cut(keys, w))
}

// fillIntent puts the names typed on the first run in their groups, in
// one write that u takes back.
func (a *App) fillIntent(m fillGroupsMsg) tea.Cmd {
	pt := peopleText(a.c.lang)
	fl, can := a.c.ledger.(rosterFiller)
	if !can {
		return nil
	}
	pl, _ := a.c.ledger.(profileLedger)
	fills, year := m.fills, m.year
	return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
		// In the group from the post start date, as the duties count
		// from it.
		if pl != nil && !m.given {
			if p, err := pl.Profile(ctx); err == nil && p.Start.Year() == year {
				for i := range fills {
					fills[i].From = p.Start
				}
			}
		}
		done, err := fl.FillGroups(ctx, fills)
		if err != nil {
			return writtenMsg{err: err}
		}
		var groups []string
		for _, f := range fills {
			groups = append(groups, "“"+model.CleanLine(f.Group)+"”")
		}
		if a.c.lang == model.English {
			for i, f := range fills {
				groups[i] = fmt.Sprintf("%q", model.CleanLine(f.Group))
			}
		}
		return writtenMsg{say: fmt.Sprintf(pt.Filled, len(done.Added)+len(done.Joined), strings.Join(groups, a.c.t.ListSep)),
			undo: &undoEntry{desc: pt.UndoFill, fn: func(ctx context.Context) error { return fl.UndoFill(ctx, done) }}}
	})
}

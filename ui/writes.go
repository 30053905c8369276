package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
)

// intent acts on what a component asked for.
func (a *App) intent(msg tea.Msg) tea.Cmd {
	if cmd, ok := a.peopleIntent(msg); ok {
		return cmd
	}
	c := a.c
	t := c.t
	switch m := msg.(type) {
	case closeMsg:
		a.pop()
	case sayMsg:
		return a.say(m.text, m.isErr)
	case openDetailMsg:
		a.view = dashboardView
		a.dash.selectID(m.id)
		a.detail.show(m.id)
		a.detailOpen = true
	case closeDetailMsg:
		a.detailOpen = false
	case tickMsg:
		// In the current year, the one-line prompt for today; in another
		// year "today" is not in it, so the full form opens, dated within
		// the year shown.
		// A duty owed to each person of a group opens the full form too: a
		// talk that names nobody covers nobody.
		if a.year != c.today().Year() || a.perPerson(m.duty.ID) {
			a.push(newRecordForm(c, m.duty, nil), false)
		} else {
			a.push(newTickPrompt(c, m.duty), true)
		}
	case openRecordFormMsg:
		a.push(newRecordForm(c, m.duty, m.record), false)
	case openDutyFormMsg:
		a.push(newDutyForm(c, a.year, m.duty), false)
	case openExcuseMsg:
		a.push(newExcuseForm(c, m.dy, a.year), false)
	case excuseMsg:
		return a.excuseIntent(m)
	case setProfileMsg:
		return a.profileIntent(m)
	case fillGroupsMsg:
		return a.fillIntent(m)
	case openRecordMsg:
		a.push(newRecordView(c, m.record), false)
		return loadEvidence(c.ledger, m.record.ID)
	case askDeleteMsg:
		a.push(newConfirmDelete(c, m.record), true)
	case openPlanMsg:
		a.pop()
		a.push(newPlanReview(c, m.year, m.doc, m.source, m.post, m.kept, m.known), false)
	case addRecordMsg:
		r, title, today := m.record, m.title, c.today()
		note := a.outsideNote(r)
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			saved, err := l.AddRecord(ctx, r, today)
			if err != nil {
				return writtenMsg{err: err}
			}
			return writtenMsg{say: fmt.Sprintf(t.Logged, title, saved.Date) + note,
				undo: &undoEntry{kind: undoAdded, after: saved, title: title}}
		})
	case updateRecordMsg:
		r, title, today := m.record, m.title, c.today()
		note := a.outsideNote(r)
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			before, after, err := l.UpdateRecord(ctx, r, today)
			if err != nil {
				return writtenMsg{err: err}
			}
			return writtenMsg{say: fmt.Sprintf(t.Saved, title, r.Date) + note, undo: &undoEntry{kind: undoEdited, before: before, after: after, title: title}}
		})
	case deleteRecordMsg:
		r, title := m.record, m.title
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			old, err := l.DeleteRecord(ctx, r)
			if err != nil {
				return writtenMsg{err: err}
			}
			return writtenMsg{say: fmt.Sprintf(t.Deleted, title, old.Date), undo: &undoEntry{kind: undoDeleted, before: old, title: title}}
		})
	case addDutyMsg:
		d, tg := m.duty, m.target
		first := a.c.data != nil && a.c.data.empty
		cmd := a.write(func(ctx context.Context, l Ledger) writtenMsg {
			id, err := l.AddDuty(ctx, d, tg)
			if err != nil {
				return writtenMsg{err: err}
			}
			title := model.CleanLine(d.Title)
			return writtenMsg{say: fmt.Sprintf(t.DutyAdded, title), undo: undoDuties(l, data.Added{NewIDs: []int64{id}}, fmt.Sprintf(t.UndoDutyAdd, title))}
		})
		if !first {
			return cmd
		}
		return a.askAfterFirst(cmd, []model.Target{tg}, tg.Year)
	case editDutyMsg:
		change, said, old := m.change, m.said, m.old
		return a.write(func(ctx context.Context, l Ledger) writtenMsg {
			if err := l.EditDuty(ctx, change); err != nil {
				return writtenMsg{err: err}
			}
			// The version the change left, which the undo expects.
			rev := ""
			if ds, err := l.Duties(ctx); err == nil {
				for _, d := range ds {
					if d.ID == change.Duty.ID {
						rev = d.Rev
					}
				}
			}
			title := model.CleanLine(change.Duty.Title)
			return writtenMsg{say: said, undo: &undoEntry{desc: fmt.Sprintf(t.UndoDuty, title), fn: undoDutyEdit(l, change, old, rev)}}
		})
	case addDutiesMsg:
		ds, ts, fromPlan, year := m.duties, m.targets, m.fromPlan, a.year
		if len(ts) > 0 {
			year = ts[0].Year
		}
		first := m.first || (a.c.data != nil && a.c.data.empty)
		cmd := a.write(func(ctx context.Context, l Ledger) writtenMsg {
			added, err := l.AddDuties(ctx, ds, ts)
			if err != nil {
				return writtenMsg{err: err}
			}
			say := fmt.Sprintf(t.TemplateApplied, added.Added, year)
			if fromPlan && len(added.Skipped) > 0 {
				say = fmt.Sprintf(t.PlanAdded, added.Added, year, len(added.Skipped))
			}
			if fromPlan && len(added.Given) > 0 {
				say += fmt.Sprintf(t.PlanGiven, len(added.Given), year)
			}
			var undo *undoEntry
			if added.Added > 0 {
				undo = undoDuties(l, added, fmt.Sprintf(t.UndoDutiesAdd, added.Added, year))
			}
			return writtenMsg{say: say, undo: undo}
		})
		if !first {
			return cmd
		}
		return a.askAfterFirst(cmd, ts, year)
	case exportMsg:
		return a.export(m)
	default:
		cmd, _ := a.evidenceIntent(msg)
		return cmd
	}
	return nil
}

// undoDuties takes back duties just added, and targets just given, while
// nothing has been recorded against them.
func undoDuties(l Ledger, added data.Added, desc string) *undoEntry {
	return &undoEntry{desc: desc, fn: func(ctx context.Context) error { return l.UndoAddDuties(ctx, added) }}
}

// undoDutyEdit takes back a change made to a duty in the form: its
// wording, its target of the year, and its archiving or bringing back.
// The duty must still be as the change left it, version rev: one changed
// elsewhere since is refused by EditDuty, and left alone.
func undoDutyEdit(l Ledger, change data.DutyChange, old model.DutyYear, rev string) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		back := old.Duty
		back.Rev = rev
		tg := old.Target
		ch := data.DutyChange{Duty: back, Target: &tg}
		switch {
		case !change.Archive.IsZero():
			ch.Restore = true
		case change.Restore:
			ch.Archive = old.Duty.Archived
		}
		return l.EditDuty(ctx, ch)
	}
}

// outsideNote is what to say beside a saved talk of a per-person duty
// whose people count for nobody (not in its group, or in it at another
// time and not required), as the command line notes it; "" otherwise, and
// for a record counting in a year other than the one shown.
func (a *App) outsideNote(r model.Record) string {
	d := a.c.data
	if d == nil || strings.TrimSpace(r.With) == "" {
		return ""
	}
	for _, dy := range d.status.Duties {
		if dy.Duty.ID != r.DutyID || !dy.Target.PerPerson() {
			continue
		}
		t := dy.Target
		i := model.PeriodIndex(t.Cadence, t.Year, r.Date)
		if !r.For.IsZero() {
			i = -1
			if r.For.Year == t.Year && r.For.Cadence == t.Cadence {
				i = r.For.Index
			}
		}
		if i < 0 || i >= len(dy.Periods) {
			return ""
		}
		pt := peopleText(a.c.lang)
		out, then := d.roster.Outsiders(t.Each, dy.Periods[i], r.With, r.Date)
		var notes []string
		if len(out) > 0 {
			notes = append(notes, fmt.Sprintf(pt.NotInGroup, strings.Join(out, a.c.t.ListSep), model.CleanLine(t.Each)))
		}
		if len(then) > 0 {
			notes = append(notes, fmt.Sprintf(pt.NotInGroupThen, strings.Join(then, a.c.t.ListSep), r.Date, model.CleanLine(t.Each)))
		}
		if len(notes) == 0 {
			return ""
		}
		return " " + strings.Join(notes, " ")
	}
	return ""
}

// askAfterFirst follows the first duties written to an empty ledger
// (a duty set, a plan, or one duty of the officer's own) with the first
// run's questions: the post start date, to apply to the duties just
// added, and then the people of the groups their per-person duties are
// owed to (beneath, shown once the date is given or skipped). Only for
// this year: a date applies to its own year's targets.
func (a *App) askAfterFirst(write tea.Cmd, ts []model.Target, year int) tea.Cmd {
	c := a.c
	if year != c.today().Year() {
		return write
	}
	if groups := model.EachGroups(ts); len(groups) > 0 {
		a.push(newRosterFill(c, groups, year), false)
	}
	pf, read := newProfileForm(c)
	pf.welcome()
	a.push(pf, false)
	// The profile is read once the duties are in, so that a date applied
	// the moment the form shows finds them.
	return tea.Sequence(write, read)
}

// writtenMsg reports a write to the ledger.
type writtenMsg struct {
	err   error
	say   string
	undo  *undoEntry
	layer int // the overlay that asked for the write, if any
	// evidenceOf names the record whose evidence changed, so that the
	// record view shows it afresh.
	evidenceOf int64
	// keepOpen leaves the overlay that asked open: the record view stays
	// on its record as evidence comes and goes.
	keepOpen bool
}

type undoKind int

const (
	undoAdded undoKind = iota
	undoEdited
	undoDeleted
	undoAttached        // evidence added to a record
	undoRemovedEvidence // an evidence item removed
)

// undoEntry is how to take back one record change.
type undoEntry struct {
	kind          undoKind
	before, after model.Record
	title         string
	items         []model.Evidence // the evidence added or removed
	label         string           // how an evidence change is named
	// fn and desc take back and name a change that is not a record's
	// (the roster's).
	fn   func(ctx context.Context) error
	desc string
	// gen is the ledger's generation the change was made in: restoring a
	// backup starts another, and the change can no longer be taken back.
	gen string
}

// describe names the change, for "已撤销…".
func (u undoEntry) describe(t *Text) string {
	if u.fn != nil {
		return u.desc
	}
	r := u.after
	format := t.UndoAdd
	switch u.kind {
	case undoEdited:
		format = t.UndoEdit
	case undoDeleted:
		format, r = t.UndoDelete, u.before
	case undoAttached, undoRemovedEvidence:
		return u.label
	}
	return fmt.Sprintf(format, u.title, r.Date)
}

// write runs one ledger change in a command and reports it. Writes are
// counted while in flight, so that an undo waits for the change it would
// take back.
func (a *App) write(do func(ctx context.Context, l Ledger) writtenMsg) tea.Cmd {
	l, from := a.c.ledger, 0
	if top := a.top(); top != nil {
		from = top.id
	}
	a.writing++
	return func() tea.Msg {
		msg := do(context.Background(), l)
		msg.layer = from
		return msg
	}
}

// layer finds an open overlay by id.
func (a *App) layer(id int) (int, bool) {
	for i, l := range a.stack {
		if id != 0 && l.id == id {
			return i, true
		}
	}
	return 0, false
}

// written closes the overlay that asked for a change, or tells it why the
// change failed; an overlay opened meanwhile is left alone.
func (a *App) written(msg writtenMsg) tea.Cmd {
	a.writing = max(0, a.writing-1)
	i, open := a.layer(msg.layer)
	if msg.err != nil {
		if open {
			_, cmd := a.stack[i].c.Update(failedMsg{msg.err})
			return cmd
		}
		return a.say(fmt.Sprintf(a.c.t.Failed, a.c.errText(msg.err)), true)
	}
	if open && !msg.keepOpen {
		a.stack = append(a.stack[:i], a.stack[i+1:]...)
	}
	if msg.undo != nil {
		u := *msg.undo
		u.gen = a.c.ledger.Generation()
		a.undo = append(a.undo, u)
	}
	if msg.evidenceOf != 0 {
		return tea.Batch(a.reload(), a.say(msg.say, false), loadEvidence(a.c.ledger, msg.evidenceOf))
	}
	return tea.Batch(a.reload(), a.say(msg.say, false))
}

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
		ctx = data.Expecting(ctx, u.gen)
		var err error
		switch {
		case u.fn != nil:
			err = u.fn(ctx)
		case u.kind == undoAdded:
			err = l.UndoAdd(ctx, u.after)
		case u.kind == undoEdited:
			err = l.UndoEdit(ctx, u.before, u.after)
		case u.kind == undoAttached:
			err = l.UndoAddEvidence(ctx, u.items)
			return writtenMsg{err: err, say: said, evidenceOf: u.items[0].RecordID}
		case u.kind == undoRemovedEvidence:
			err = l.UndoRemoveEvidence(ctx, u.items[0])
			return writtenMsg{err: err, say: said, evidenceOf: u.items[0].RecordID}
		default:
			err = l.UndoDelete(ctx, u.before)
		}
		return writtenMsg{err: err, say: said}
	})
}

// carry copies last year's targets into an empty year, or says why not.
func (a *App) carry() tea.Cmd {
	t, d := a.c.t, a.c.data
	from, to := a.year-1, a.year
	switch {
	case len(d.status.Duties) > 0:
		return a.say(fmt.Sprintf(t.CarryNotEmpty, to, a.c.keys.Ledger.Carry.Help().Key), true)
	case !d.prevYear:
		return a.say(fmt.Sprintf(t.NoPrevYear, from), true)
	}
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		added, err := l.Carry(ctx, from, to)
		if err == nil && added.Added == 0 {
			return writtenMsg{say: fmt.Sprintf(t.NoPrevYear, from)}
		}
		return writtenMsg{err: err, say: fmt.Sprintf(t.Carried, from, added.Added)}
	})
}

// export writes the year-end file in a command.
func (a *App) export(m exportMsg) tea.Cmd {
	from := 0
	if top := a.top(); top != nil {
		from = top.id
	}
	do, o := a.opts.Export, m.opts
	if do == nil {
		return a.say(a.c.t.ExportUnavailable, true)
	}
	return func() tea.Msg {
		p, ws, err := do(context.Background(), o)
		return exportedMsg{layer: from, path: p, warnings: ws, err: err}
	}
}

// exported shows where the file went and what the check found, in place
// of the dialog.
func (a *App) exported(msg exportedMsg) tea.Cmd {
	i, open := a.layer(msg.layer)
	if msg.err != nil {
		if open {
			_, cmd := a.stack[i].c.Update(failedMsg{msg.err})
			return cmd
		}
		return a.say(fmt.Sprintf(a.c.t.Failed, a.c.errText(msg.err)), true)
	}
	if open {
		a.stack = append(a.stack[:i], a.stack[i+1:]...)
	}
	a.push(&exportDone{c: a.c, path: msg.path, warnings: msg.warnings}, false)
	return a.say(fmt.Sprintf(a.c.t.Exported, model.CleanLine(msg.path)), false)
}

// perPerson reports whether the duty is owed to each person of a group in
// the year shown.
func (a *App) perPerson(id int64) bool {
	data := a.c.data
	if data == nil {
		return false
	}
	i, ok := data.dutyIndex[id]
	return ok && data.status.Duties[i].Target.PerPerson()
}

package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
)

// excuseLedger is what excusing a period needs of the store.
type excuseLedger interface {
	Excuse(ctx context.Context, dutyID int64, ref model.PeriodRef, reason string, today model.Date) (added, replaced model.Excuse, err error)
	RemoveExcuse(ctx context.Context, dutyID int64, ref model.PeriodRef) (model.Excuse, error)
	UndoExcuse(ctx context.Context, added, replaced model.Excuse) error
	UndoRemoveExcuse(ctx context.Context, removed model.Excuse) error
}

// openExcuseMsg asks to open the excuse form for a duty's year.
type openExcuseMsg struct{ dy model.DutyYear }

// excuseMsg asks to excuse a period (免于要求) with a reason, or, with
// remove, to withdraw its excuse.
type excuseMsg struct {
	duty   model.Duty
	ref    model.PeriodRef
	reason string
	remove bool
}

// excuseForm excuses one period of a duty from its requirement, with a
// reason, or withdraws an excuse: the period is chosen among the year's,
// the one open now (or the last) first.
type excuseForm struct {
	f    *form
	dy   model.DutyYear
	year int
	refs []model.PeriodRef
	// periods are the year's required periods, as offered (refs names each)
	periods []model.PeriodResult
	w       int
}

func newExcuseForm(c *common, dy model.DutyYear, year int) *excuseForm {
	t := c.t
	ef := &excuseForm{dy: dy, year: year, f: &form{c: c}}
	ef.f.title = fmt.Sprintf(t.ExcuseTitle, dy.Duty.Title)
	// Only required periods can be excused: those before the post start
	// date or after the archive day are not offered.
	chosen := -1
	var options []string
	for i, p := range dy.Periods {
		if p.State == model.Exempt {
			continue
		}
		ref := model.RefOf(dy.Target.Cadence, year, p.Period)
		if dy.Target.Cadence == model.Week {
			ref = model.Holding(model.Week, p.Start)
		}
		if i == dy.Current {
			chosen = len(ef.refs)
		}
		ef.refs = append(ef.refs, ref)
		ef.periods = append(ef.periods, p)
		o := ref.Label(c.lang)
		if p.State == model.Excused {
			o += t.ExcusedTag
		}
		options = append(options, o)
	}
	if chosen < 0 {
		chosen = len(options) - 1 // no period open now: the last
	}
	if len(options) == 0 {
		options = []string{"-"}
	}
	chosen = max(chosen, 0)
	ef.f.choice("period", t.ColPeriod, options, chosen)
	reason := ""
	if chosen < len(ef.periods) {
		reason = ef.periods[chosen].Reason
	}
	ef.f.text("reason", t.ExcuseReason, reason)
	ef.f.check("remove", t.ExcuseWithdraw, t.ExcuseWithdrawMeaning)
	ef.f.focusField(0)
	return ef
}

// SetSize: the form is at most 100 cells wide.
func (ef *excuseForm) SetSize(w, _ int) { ef.w = min(w, 100) }

// Update edits the fields; a refusal shows under the field it is about.
func (ef *excuseForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	if m, ok := msg.(failedMsg); ok {
		field := ""
		if ie, ok := model.AsInput(m.err); ok && ef.f.field(ie.Field) != nil {
			field = ie.Field
		}
		ef.f.failed(m.err, field)
		return ef, nil
	}
	before := ef.f.field("period").choice
	cmd := ef.f.step(msg, ef.submit)
	if now := ef.f.field("period").choice; now != before && now < len(ef.periods) && before < len(ef.periods) {
		// The reason shown is the chosen period's own when it is excused;
		// a reason typed by the officer stays.
		fl := ef.f.field("reason")
		if r := ef.periods[now].Reason; r != "" || fl.in.Value() == model.CleanLine(ef.periods[before].Reason) {
			fl.in.SetValue(model.CleanLine(r))
			fl.orig = r
		}
	}
	return ef, cmd
}

func (ef *excuseForm) submit() {
	f := ef.f
	f.clearErrors()
	i := f.field("period").choice
	if i >= len(ef.refs) {
		return
	}
	remove := f.field("remove").checked
	reason := strings.TrimSpace(f.value("reason"))
	if !remove && reason == "" {
		f.setError("reason", f.c.t.ExcuseNoReason)
		return
	}
	f.saving(excuseMsg{duty: ef.dy.Duty, ref: ef.refs[i], reason: reason, remove: remove})
}

// ShortHelp: the form draws its own hint line.
func (ef *excuseForm) ShortHelp() []key.Binding { return nil }

// FullHelp is the form's keys.
func (ef *excuseForm) FullHelp() [][]key.Binding { return ef.f.fullHelp() }

// View draws the form.
func (ef *excuseForm) View() string { return ef.f.view(ef.w) }

// excuseIntent acts on an excuse form's request, with undo.
func (a *App) excuseIntent(m excuseMsg) tea.Cmd {
	c := a.c
	t := c.t
	el, can := c.ledger.(excuseLedger)
	if !can {
		return nil
	}
	title, label, today := model.CleanLine(m.duty.Title), m.ref.Label(c.lang), c.today()
	if m.remove {
		return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
			old, err := el.RemoveExcuse(ctx, m.duty.ID, m.ref)
			if err != nil {
				return writtenMsg{err: err}
			}
			return writtenMsg{say: fmt.Sprintf(t.ExcuseRemoved, title, label),
				undo: &undoEntry{desc: fmt.Sprintf(t.ExcuseUndoRemove, title, label), fn: func(ctx context.Context) error { return el.UndoRemoveExcuse(ctx, old) }}}
		})
	}
	return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
		added, replaced, err := el.Excuse(ctx, m.duty.ID, m.ref, m.reason, today)
		if err != nil {
			return writtenMsg{err: err}
		}
		return writtenMsg{say: fmt.Sprintf(t.Excused, title, label),
			undo: &undoEntry{desc: fmt.Sprintf(t.ExcuseUndo, title, label), fn: func(ctx context.Context) error { return el.UndoExcuse(ctx, added, replaced) }}}
	})
}

package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
)

// profileLedger is what the profile form needs of the store.
type profileLedger interface {
	Profile(ctx context.Context) (model.Profile, error)
	SetProfile(ctx context.Context, p model.Profile) error
	ApplyStart(ctx context.Context, start, was model.Date) (int, error)
}

// profileReadMsg brings the profile to the form that asked for it.
type profileReadMsg struct {
	p   model.Profile
	err error
}

// setProfileMsg asks to save the profile and, with apply, to give its
// start date to that year's targets without one.
type setProfileMsg struct {
	p     model.Profile
	apply bool
}

// profileForm edits the officer's name, post, unit and post start date
// (任职日期), and offers to apply the date to the year's duties.
type profileForm struct {
	f *form
	w int
	// first: opened on the first run, right after a duty set was added,
	// to ask for the post start date; apply is ticked, and it is quietly
	// dropped when no date is given.
	first bool
	// rev is the version of the profile the form was filled from.
	rev string
	// merging: a save was refused because the profile changed since the
	// form was filled; it is read again and merged with what was typed.
	merging bool
	// loading: the profile is still being read. Keys are taken meanwhile
	// (the officer may type the moment the form shows); what they typed
	// is kept when the profile arrives, and a save asked for meanwhile
	// waits for it.
	loading, pending bool
	// ticked: 用于已有 was ticked for the officer, on changing the date.
	ticked bool
}

func newProfileForm(c *common) (*profileForm, tea.Cmd) {
	t := c.t
	pf := &profileForm{f: &form{c: c, title: t.ProfileTitle}}
	pf.f.text("name", t.ProfileName, "")
	pf.f.text("post", t.ProfilePost, "")
	pf.f.text("unit", t.ProfileUnit, "")
	start := pf.f.text("start", t.ProfileStart, "")
	start.hint = t.ProfileStartHint
	pf.f.check("apply", t.ProfileApply, t.ProfileApplyMeaning)
	pl, ok := c.ledger.(profileLedger)
	if !ok {
		return pf, nil
	}
	pf.loading = true
	return pf, readProfile(pl)
}

func readProfile(pl profileLedger) tea.Cmd {
	return func() tea.Msg {
		p, err := pl.Profile(context.Background())
		return profileReadMsg{p, err}
	}
}

// welcome turns the form into the first run's question: the post start
// date first, applied to the duties just added.
func (pf *profileForm) welcome() {
	pf.first = true
	pf.f.title = pf.f.c.t.ProfileWelcome
	pf.f.field("apply").checked = true
	pf.f.focusField(3)
}

// SetSize: the form is at most 100 cells wide.
func (pf *profileForm) SetSize(w, _ int) { pf.w = min(w, 100) }

// Update fills the form once the profile is read, then edits it.
func (pf *profileForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	switch m := msg.(type) {
	case profileReadMsg:
		pf.loading = false
		if m.err != nil {
			pf.pending = false
			pf.f.failed(m.err, "")
			return pf, nil
		}
		pf.rev = m.p.Rev
		// A field the officer has not touched since it was last filled
		// takes the profile as read; one they typed in (before the first
		// read came, or before a refused save) keeps what they typed.
		for k, v := range map[string]string{"name": m.p.Name, "post": m.p.Post, "unit": m.p.Unit, "start": m.p.Start.String()} {
			fl := pf.f.field(k)
			if fl.in.Value() == model.CleanLine(fl.orig) {
				fl.in.SetValue(model.CleanLine(v))
			}
			fl.orig = v
		}
		if pf.merging {
			pf.merging = false
			pf.f.setError("", pf.f.c.t.ProfileMerged)
		}
		if pf.pending {
			pf.pending = false
			pf.submit()
		}
		return pf, nil
	case failedMsg:
		if pl, ok := pf.f.c.ledger.(profileLedger); ok && errors.Is(m.err, model.ErrChanged) {
			pf.f.busy, pf.merging = false, true
			return pf, readProfile(pl)
		}
		pf.f.failed(m.err, "")
		return pf, nil
	}
	cmd := pf.f.step(msg, pf.submit)
	// Changing a date already given is correcting it: the targets that
	// took the old date should follow, so 用于已有 is ticked, once (the
	// officer may untick it).
	if st := pf.f.field("start"); !pf.ticked && st.orig != "" && strings.TrimSpace(st.in.Value()) != st.orig {
		pf.ticked = true
		pf.f.field("apply").checked = true
	}
	return pf, cmd
}

func (pf *profileForm) submit() {
	if pf.loading {
		pf.pending = true
		return
	}
	f, t := pf.f, pf.f.c.t
	f.clearErrors()
	p := model.Profile{Name: strings.TrimSpace(f.value("name")), Post: strings.TrimSpace(f.value("post")), Unit: strings.TrimSpace(f.value("unit")), Rev: pf.rev}
	if v := strings.TrimSpace(f.value("start")); v != "" {
		d, err := model.ParseDate(v)
		if err != nil {
			f.setError("start", t.BadStart)
			return
		}
		// The date gives its own year's targets a start; one outside this
		// year and the next changes nothing the officer sees.
		if y := f.c.today().Year(); d.Year() != y && d.Year() != y+1 {
			f.setError("start", fmt.Sprintf(t.ProfileStartYear, d, y))
			return
		}
		p.Start = d
	}
	apply := f.field("apply").checked
	if pf.first && p.Start.IsZero() {
		apply = false // nothing to apply: the officer only skipped the date
	}
	if apply && p.Start.IsZero() {
		f.setError("start", t.ProfileApplyNeeds)
		return
	}
	f.saving(setProfileMsg{p, apply})
}

// ShortHelp: the form draws its own hint line.
func (pf *profileForm) ShortHelp() []key.Binding { return nil }

// FullHelp is the form's keys.
func (pf *profileForm) FullHelp() [][]key.Binding { return pf.f.fullHelp() }

// View draws the form.
func (pf *profileForm) View() string { return pf.f.view(pf.w) }

// profileIntent saves the profile, and applies its start date when asked.
func (a *App) profileIntent(m setProfileMsg) tea.Cmd {
	t := a.c.t
	pl, can := a.c.ledger.(profileLedger)
	if !can {
		return nil
	}
	return a.write(func(ctx context.Context, _ Ledger) writtenMsg {
		// The date an earlier apply may have given the targets, which a
		// corrected date replaces.
		old, err := pl.Profile(ctx)
		if err != nil {
			return writtenMsg{err: err}
		}
		if err := pl.SetProfile(ctx, m.p); err != nil {
			return writtenMsg{err: err}
		}
		if !m.apply {
			return writtenMsg{say: t.ProfileSaved}
		}
		n, err := pl.ApplyStart(ctx, m.p.Start, old.Start)
		if err != nil {
			return writtenMsg{err: err}
		}
		return writtenMsg{say: fmt.Sprintf(t.ProfileApplied, m.p.Start, m.p.Start.Year(), n)}
	})
}

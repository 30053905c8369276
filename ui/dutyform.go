package ui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"taizhang/data"
	"taizhang/model"
)

// dutyForm adds a duty with its target for the year, or edits one (and
// archives or brings it back).
type dutyForm struct {
	formScreen
	year int
	old  *model.DutyYear
}

func newDutyForm(c *common, year int, dy *model.DutyYear) *dutyForm {
	t := c.t
	df := &dutyForm{formScreen: newFormScreen(c), year: year, old: dy}
	df.f.title = fmt.Sprintf(t.NewDuty, year)
	d, tg := model.Duty{Category: model.Study}, model.Target{Cadence: model.Year, Min: 1}
	if dy != nil {
		d, tg = dy.Duty, dy.Target
		df.f.title = fmt.Sprintf(t.EditDuty, year)
	}
	df.f.text("title", t.Title, d.Title)
	df.f.choice("category", t.Category, categoryNames(c.lang), d.Category.Rank())
	cads, chosen := cadenceNames(c.lang, tg.Cadence)
	df.f.choice("cadence", t.Cadence, cads, chosen)
	df.f.text("min", t.Min, strconv.Itoa(tg.Min))
	df.f.text("basis", t.Basis, d.Basis)
	df.f.date("start", t.Start, tg.Start)
	each := df.f.text("each", t.EachOf, tg.Each)
	each.hint, each.single = t.EachHint, true
	if c.data != nil {
		groups := c.data.roster.Groups
		each.complete = func(v string) []string { return startingWith(groups, v) }
	}
	df.f.text("evidence", t.Expects, d.Evidence)
	if dy != nil {
		if on := dy.Duty.Archived; !on.IsZero() {
			df.f.check("archive", t.Archive, fmt.Sprintf(t.ArchivedLabel, on)).checked = true
		} else {
			df.f.check("archive", t.Archive, t.ArchiveLabel)
		}
		df.f.text("archive-reason", t.ArchiveWhy, d.ArchiveReason)
	}
	return df
}

// categoryNames are the categories as a choice shows them.
func categoryNames(lang model.Lang) []string {
	var out []string
	for _, k := range model.Categories {
		out = append(out, k.Name(lang))
	}
	return out
}

// cadenceNames are the cadences as a choice shows them, and which is c.
func cadenceNames(lang model.Lang, c model.Cadence) ([]string, int) {
	var out []string
	chosen := 0
	for i, k := range model.Cadences {
		out = append(out, k.Name(lang))
		if k == c {
			chosen = i
		}
	}
	return out, chosen
}

// Update edits the fields; a failed save shows under the field it is about
// (the form's fields share the model's names).
func (df *dutyForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	return df, df.update(msg, "", df.submit)
}

func (df *dutyForm) submit() {
	c := df.f.c
	f := df.f
	f.clearErrors()
	n, err := strconv.Atoi(strings.TrimSpace(f.value("min")))
	if err != nil || n < 1 || n > model.MaxMin {
		f.setError("min", c.t.MinInvalid)
		return
	}
	var start model.Date
	if s := strings.TrimSpace(f.value("start")); s != "" {
		if start, err = model.ParseDate(s); err != nil {
			f.setError("start", c.t.BadStart)
			return
		}
	}
	d := model.Duty{Title: f.value("title"), Category: model.Categories[f.field("category").choice], Basis: f.value("basis"),
		Evidence: f.value("evidence")}
	tg := model.Target{Year: df.year, Cadence: model.Cadences[f.field("cadence").choice], Min: n, Start: start,
		Each: model.CleanLine(strings.TrimSpace(f.value("each")))}
	if df.old == nil {
		f.saving(addDutyMsg{d, tg})
		return
	}
	d.ID, d.Description, d.Rev = df.old.Duty.ID, df.old.Duty.Description, df.old.Duty.Rev
	change := data.DutyChange{Duty: d, Target: &tg}
	t := c.t
	said := fmt.Sprintf(t.DutySaved, model.CleanLine(d.Title))
	change.Duty.ArchiveReason = f.value("archive-reason")
	if !f.field("archive").checked && df.old.Duty.Archived.IsZero() && strings.TrimSpace(change.Duty.ArchiveReason) != "" {
		f.setError("archive-reason", t.ArchiveWhyUnticked)
		return
	}
	switch archived, checked := !df.old.Duty.Archived.IsZero(), f.field("archive").checked; {
	case checked && !archived:
		change.Archive = c.today()
		said = fmt.Sprintf(t.DutyArchived, model.CleanLine(d.Title))
	case !checked && archived:
		change.Restore = true
		said = fmt.Sprintf(t.DutyRestored, model.CleanLine(d.Title))
	}
	f.saving(editDutyMsg{change, said, *df.old})
}

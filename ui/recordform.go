package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
)

// recordForm adds or edits one record: date, topic, participants (with
// completion from the year's names), place and note.
type recordForm struct {
	f       *form
	duty    model.Duty
	editing *model.Record
	w       int
	// offers are the earlier periods the record may count for (计入期间),
	// offered after the first choice, its own date's period; none when
	// its date follows no unmet period within the 60 days.
	offers  []model.PeriodRef
	offered string // the date the offers were worked out for
}

func newRecordForm(c *common, d model.Duty, r *model.Record) *recordForm {
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
	known := c.data.people
	with.complete = func(v string) []string { return suggestPeople(known, v) }
	rf.f.text("place", t.Place, rec.Place)
	rf.f.text("note", t.Note, rec.Note)
	if r == nil {
		rf.f.focusField(1) // the date is usually today: start at the topic
	}
	rf.refreshFor()
	if r != nil && !r.For.IsZero() {
		for i, o := range rf.offers {
			if o == r.For {
				rf.f.field("for").choice = i + 1
			}
		}
	}
	return rf
}

// forOffers works out the periods a record dated day may count for: the
// duty's periods that ended no more than model.MaxForDays before day and
// that it has not met (a period of another year, whose status is not
// loaded, is offered and checked when saved). The period an edited
// record already counts for is always offered.
func (rf *recordForm) forOffers(day model.Date) []model.PeriodRef {
	c := rf.f.c
	if c.data == nil {
		return nil
	}
	i, ok := c.data.dutyIndex[rf.duty.ID]
	if !ok {
		return nil
	}
	dy := c.data.status.Duties[i]
	cad := dy.Target.Cadence
	if !cad.Valid() {
		return nil
	}
	var out []model.PeriodRef
	ref := model.Holding(cad, day)
	for range 60 {
		if ref.Index > 0 {
			ref.Index--
		} else {
			ref.Year--
			ref.Index = model.PeriodCount(cad, ref.Year) - 1
		}
		if !ref.Valid() || int(day-ref.Period().End) > model.MaxForDays {
			break
		}
		if ref.Year == c.data.year && ref.Index < len(dy.Periods) && dy.Periods[ref.Index].Index == ref.Index {
			switch dy.Periods[ref.Index].State {
			case model.Met, model.Exempt:
				continue
			}
		}
		out = append(out, ref)
	}
	if e := rf.editing; e != nil && !e.For.IsZero() && !slices.Contains(out, e.For) {
		out = append(out, e.For)
	}
	return out
}

// refreshFor shows the 计入期间 choice, right under the date, while the
// date typed follows a period the record may count for, and hides it
// otherwise; the period chosen stays chosen while it is still offered.
func (rf *recordForm) refreshFor() {
	f := rf.f
	v := strings.TrimSpace(f.value("date"))
	if v == rf.offered {
		return
	}
	rf.offered = v
	day, err := model.ParseDate(v)
	if err != nil {
		return // keep what was offered while the date is being typed
	}
	var chosen model.PeriodRef
	if fl := f.field("for"); fl != nil && fl.choice > 0 && fl.choice <= len(rf.offers) {
		chosen = rf.offers[fl.choice-1]
	}
	rf.offers = rf.forOffers(day)
	at := slices.IndexFunc(f.fields, func(fl *field) bool { return fl.key == "for" })
	if len(rf.offers) == 0 {
		if at >= 0 {
			f.fields = slices.Delete(f.fields, at, at+1)
			if f.focus > at {
				f.focus--
			}
			f.focusField(f.focus)
		}
		return
	}
	t, lang := f.c.t, f.c.lang
	dyIdx := f.c.data.dutyIndex[rf.duty.ID]
	own := model.Holding(f.c.data.status.Duties[dyIdx].Target.Cadence, day)
	options := []string{fmt.Sprintf(t.ForByDate, own.Label(lang))}
	choice := 0
	for i, o := range rf.offers {
		options = append(options, o.Label(lang))
		if o == chosen {
			choice = i + 1
		}
	}
	if at >= 0 {
		fl := f.fields[at]
		fl.options, fl.choice = options, choice
		return
	}
	fl := &field{key: "for", label: t.ForPeriod, kind: choiceField, options: options, choice: choice, hint: hint(f.c.keys.Form.Choose)}
	at = slices.IndexFunc(f.fields, func(fl *field) bool { return fl.key == "date" }) + 1
	f.fields = slices.Insert(f.fields, at, fl)
	if f.focus >= at {
		f.focus++
	}
	f.focusField(f.focus)
}

// forChosen is the period chosen for the record to count for; zero for
// its own date's period.
func (rf *recordForm) forChosen() model.PeriodRef {
	if fl := rf.f.field("for"); fl != nil && fl.choice > 0 && fl.choice <= len(rf.offers) {
		return rf.offers[fl.choice-1]
	}
	return model.PeriodRef{}
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

// SetSize: the form is at most 100 cells wide.
func (rf *recordForm) SetSize(w, _ int) { rf.w = min(w, 100) }

// Update edits the fields; a failed save shows under the field it is about.
func (rf *recordForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	if m, ok := msg.(failedMsg); ok {
		field := ""
		if errors.Is(m.err, model.ErrNoTarget) {
			field = "date" // the duty has no target in the date's year
		}
		if ie, ok := model.AsInput(m.err); ok && ie.Field == "for" && rf.f.field("for") != nil {
			field = "for"
		}
		rf.f.failed(m.err, field)
		return rf, nil
	}
	cmd := rf.f.step(msg, rf.submit)
	rf.refreshFor()
	return rf, cmd
}

func (rf *recordForm) submit() {
	c := rf.f.c
	rf.f.clearErrors()
	day, err := model.ParseDate(strings.TrimSpace(rf.f.value("date")))
	if err != nil {
		rf.f.setError("date", c.t.BadDate)
		return
	}
	if day > c.today() {
		rf.f.setError("date", c.t.FutureDate)
		return
	}
	r := model.Record{DutyID: rf.duty.ID, Date: day, Topic: rf.f.value("topic"), With: people(rf.f.value("with")),
		Place: rf.f.value("place"), Note: rf.f.value("note"), For: rf.forChosen()}
	if rf.editing == nil {
		rf.f.saving(addRecordMsg{r, rf.duty.Title})
		return
	}
	r.ID, r.Rev = rf.editing.ID, rf.editing.Rev
	rf.f.saving(updateRecordMsg{r, rf.duty.Title})
}

// ShortHelp: the form draws its own hint line.
func (rf *recordForm) ShortHelp() []key.Binding { return nil }

// FullHelp is the form's keys.
func (rf *recordForm) FullHelp() [][]key.Binding { return rf.f.fullHelp() }

// View draws the form.
func (rf *recordForm) View() string { return rf.f.view(rf.w) }

package ui

import (
	"errors"
	"fmt"
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

// SetSize: the form is at most 100 cells wide.
func (rf *recordForm) SetSize(w, _ int) { rf.w = min(w, 100) }

// Update edits the fields; a failed save shows under the field it is about.
func (rf *recordForm) Update(msg tea.Msg) (Component, tea.Cmd) {
	if m, ok := msg.(failedMsg); ok {
		field := ""
		if errors.Is(m.err, model.ErrNoTarget) {
			field = "date" // the duty has no target in the date's year
		}
		rf.f.failed(m.err, field)
		return rf, nil
	}
	return rf, rf.f.step(msg, rf.submit)
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
		Place: rf.f.value("place"), Note: rf.f.value("note")}
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

package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// confirmDelete asks, in the status line, whether to delete something:
// y posts yes, n (or esc) closes.
type confirmDelete struct {
	c *common
	// question is the question at a width, naming what would go.
	question func(w int) string
	yes      tea.Msg
	w        int
}

// newConfirmDelete asks whether to delete a record.
func newConfirmDelete(c *common, r model.Record) *confirmDelete {
	title := c.data.titles[r.DutyID]
	return &confirmDelete{c: c, yes: deleteRecordMsg{r, title}, question: func(w int) string {
		return fmt.Sprintf(c.t.ConfirmDelete, r.Date, cells.Cut(title+" "+r.Topic, max(8, w/2)))
	}}
}

// newConfirmRemove asks whether to remove a person from the roster.
func newConfirmRemove(c *common, p model.Person) *confirmDelete {
	label := model.CleanLine(c.data.roster.Label(p))
	return &confirmDelete{c: c, yes: removePersonMsg{p}, question: func(int) string {
		return fmt.Sprintf(peopleText(c.lang).ConfirmRemove, label)
	}}
}

// newConfirmDrop asks whether to remove an evidence item from its record.
func newConfirmDrop(c *common, e model.Evidence) *confirmDelete {
	label := model.CleanLine(e.Label(c.lang))
	return &confirmDelete{c: c, yes: removeEvidenceMsg{e}, question: func(w int) string {
		return fmt.Sprintf(c.t.Evidence.ConfirmDrop, cells.Cut(label, max(8, w/2)))
	}}
}

// SetSize: the question is one line of w cells.
func (p *confirmDelete) SetSize(w, _ int) { p.w = w }

// Update: y asks for the delete, n (or esc) closes.
func (p *confirmDelete) Update(msg tea.Msg) (Component, tea.Cmd) {
	k := p.c.keys.Confirm
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, k.Yes):
			p.c.post(closeMsg{})
			p.c.post(p.yes)
		case key.Matches(msg, k.No):
			p.c.post(closeMsg{})
		}
	}
	return p, nil
}

// ShortHelp: the answers are in the question's line.
func (p *confirmDelete) ShortHelp() []key.Binding { return nil }

// FullHelp is the two answers.
func (p *confirmDelete) FullHelp() [][]key.Binding {
	return [][]key.Binding{{p.c.keys.Confirm.Yes, p.c.keys.Confirm.No}}
}

// View is the question and its answers.
func (p *confirmDelete) View() string {
	w := p.w
	st, k := p.c.st, p.c.keys.Confirm
	yes, no := hint(k.Yes), hint(k.No)
	q := p.question(w)
	return st.Error.Render(cells.Cut(q, w-cells.Width(yes+no)-4)) + "  " + st.Key.Render(yes) + "  " + st.Key.Render(no)
}

package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// confirmDelete asks, in the status line, whether to delete a record.
type confirmDelete struct {
	c     *common
	r     model.Record
	title string
	w     int
}

func newConfirmDelete(c *common, r model.Record) *confirmDelete {
	return &confirmDelete{c: c, r: r, title: c.data.titles[r.DutyID]}
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
			p.c.post(deleteRecordMsg{p.r, p.title})
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
	t, st, k := p.c.t, p.c.st, p.c.keys.Confirm
	yes, no := hint(k.Yes), hint(k.No)
	q := fmt.Sprintf(t.ConfirmDelete, p.r.Date, cells.Cut(p.title+" "+p.r.Topic, max(8, w/2)))
	return st.Error.Render(cells.Cut(q, w-cells.Width(yes+no)-4)) + "  " + st.Key.Render(yes) + "  " + st.Key.Render(no)
}

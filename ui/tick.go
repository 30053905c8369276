package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// tickPrompt is what space does in the current year: a one-line prompt in
// the status line recording the duty done today, asking only the topic.
type tickPrompt struct {
	duty model.Duty
	day  model.Date
	f    *form
	w    int
}

func newTickPrompt(c *common, d model.Duty) *tickPrompt {
	p := &tickPrompt{duty: d, day: c.today(), f: &form{c: c}}
	p.f.text("topic", "", "")
	return p
}

// SetSize: the prompt is one line of w cells.
func (p *tickPrompt) SetSize(w, _ int) { p.w = w }

// Update edits the topic; enter asks to save, esc to close.
func (p *tickPrompt) Update(msg tea.Msg) (Component, tea.Cmd) {
	k := p.f.c.keys.Form
	switch msg := msg.(type) {
	case failedMsg:
		p.f.busy = false
		p.f.err = p.f.c.errText(msg.err)
		return p, nil
	case tea.KeyPressMsg:
		if p.f.busy {
			return p, nil
		}
		p.f.err = "" // the next key goes back to the prompt
		switch {
		case key.Matches(msg, k.Cancel):
			p.f.c.post(closeMsg{})
			return p, nil
		case key.Matches(msg, k.Accept):
			p.f.saving(addRecordMsg{model.Record{DutyID: p.duty.ID, Date: p.day, Topic: p.f.value("topic")}, p.duty.Title})
			return p, nil
		}
	}
	if p.f.busy {
		return p, nil
	}
	_, cmd := p.f.update(msg)
	return p, cmd
}

// ShortHelp is the prompt's hint line.
func (p *tickPrompt) ShortHelp() []key.Binding {
	k := p.f.c.keys.Form
	return []key.Binding{k.Accept, k.Cancel}
}

// FullHelp is the prompt's keys.
func (p *tickPrompt) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }

// View is the one-line prompt; it sits in the status line, over the list.
func (p *tickPrompt) View() string {
	w := p.w
	c := p.f.c
	st := c.st
	if p.f.err != "" {
		return st.Error.Render(cells.Cut(p.f.err, w))
	}
	// The prompt leaves at least a third of the line for typing: the title
	// is cut to fit, and in a narrow terminal the date is left out.
	room := w - w/3
	prompt := fmt.Sprintf(c.t.TickPrompt, cells.Cut(p.duty.Title, max(4, w/3)), p.day)
	if cells.Width(prompt) > room {
		prompt = fmt.Sprintf(c.t.TickPromptShort, cells.Cut(p.duty.Title, max(4, room-cells.Width(fmt.Sprintf(c.t.TickPromptShort, "")))))
	}
	prompt = cells.Cut(prompt, room)
	fl := p.f.fields[0]
	fl.in.SetWidth(max(1, w-cells.Width(prompt)-2))
	fl.in.SetCursor(fl.in.Position())
	return st.Accent.Render(prompt) + fl.in.View()
}

package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// linePrompt is a one-line prompt in the status line, over the list: one
// text field, enter to save, esc to close, a refusal shown in its place
// until the next key. The tick and the evidence prompts are two of them.
type linePrompt struct {
	f *form
	w int
}

func newLinePrompt(c *common, field string) linePrompt {
	l := linePrompt{f: &form{c: c}}
	l.f.text(field, "", "")
	return l
}

// SetSize: the prompt is one line of w cells.
func (l *linePrompt) SetSize(w, _ int) { l.w = w }

// update edits the field; enter saves the intent accept makes of it, esc
// closes the prompt.
func (l *linePrompt) update(msg tea.Msg, accept func() tea.Msg) tea.Cmd {
	k := l.f.c.keys.Form
	switch msg := msg.(type) {
	case failedMsg:
		l.f.busy = false
		l.f.err = l.f.c.errText(msg.err)
		return nil
	case tea.KeyPressMsg:
		if l.f.busy {
			return nil
		}
		l.f.err = "" // the next key goes back to the prompt
		switch {
		case key.Matches(msg, k.Cancel):
			l.f.c.post(closeMsg{})
			return nil
		case key.Matches(msg, k.Accept):
			l.f.saving(accept())
			return nil
		}
	}
	if l.f.busy {
		return nil
	}
	_, cmd := l.f.update(msg)
	return cmd
}

// ShortHelp is the prompt's hint line.
func (l *linePrompt) ShortHelp() []key.Binding {
	k := l.f.c.keys.Form
	return []key.Binding{k.Accept, k.Cancel}
}

// FullHelp is the prompt's keys.
func (l *linePrompt) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }

// room is the most the prompt's words may take: at least a third of the
// line is left for typing.
func (l *linePrompt) room() int { return l.w - l.w/3 }

// view draws prompt, cut to room, and the field after it; or the refusal.
func (l *linePrompt) view(prompt string) string {
	st := l.f.c.st
	if l.f.err != "" {
		return st.Error.Render(cells.Cut(l.f.err, l.w))
	}
	prompt = cells.Cut(prompt, l.room())
	fl := l.f.fields[0]
	fl.in.SetWidth(max(1, l.w-cells.Width(prompt)-2))
	fl.in.SetCursor(fl.in.Position())
	return st.Accent.Render(prompt) + fl.in.View()
}

// tickPrompt is what space does in the current year: a one-line prompt in
// the status line recording the duty done today, asking only the topic.
type tickPrompt struct {
	linePrompt
	duty model.Duty
	day  model.Date
}

func newTickPrompt(c *common, d model.Duty) *tickPrompt {
	return &tickPrompt{linePrompt: newLinePrompt(c, "topic"), duty: d, day: c.today()}
}

// Update edits the topic; enter asks to save, esc to close.
func (p *tickPrompt) Update(msg tea.Msg) (Component, tea.Cmd) {
	return p, p.update(msg, func() tea.Msg {
		return addRecordMsg{model.Record{DutyID: p.duty.ID, Date: p.day, Topic: p.f.value("topic")}, p.duty.Title}
	})
}

// View is the one-line prompt. The duty's title is cut to fit, and in a
// narrow terminal the date is left out.
func (p *tickPrompt) View() string {
	w, t := p.w, p.f.c.t
	room := p.room()
	prompt := fmt.Sprintf(t.TickPrompt, cells.Cut(p.duty.Title, max(4, w/3)), p.day)
	if cells.Width(prompt) > room {
		prompt = fmt.Sprintf(t.TickPromptShort, cells.Cut(p.duty.Title, max(4, room-cells.Width(fmt.Sprintf(t.TickPromptShort, "")))))
	}
	return p.view(prompt)
}

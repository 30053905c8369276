package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// navigate moves a list for the movement keys (up, down, a page, top,
// bottom) and reports whether msg was one of them.
func navigate(k KeyMap, msg tea.KeyPressMsg, move func(int), page, total int) bool {
	switch {
	case key.Matches(msg, k.Up):
		move(-1)
	case key.Matches(msg, k.Down):
		move(1)
	case key.Matches(msg, k.PageUp):
		move(-page)
	case key.Matches(msg, k.PageDown):
		move(page)
	case key.Matches(msg, k.Top):
		move(-total)
	case key.Matches(msg, k.Bottom):
		move(total)
	default:
		return false
	}
	return true
}

// filterBox is the / filter of a list: the text typed so far, and whether
// typing goes to it.
type filterBox struct {
	c      *common
	text   string
	typing bool
	in     textinput.Model
}

// start puts the cursor in the filter.
func (f *filterBox) start() {
	f.typing = true
	f.in = f.c.newInput(f.text)
	f.in.Focus()
}

// active reports whether the filter line should show.
func (f *filterBox) active() bool { return f.typing || f.text != "" }

// key handles a key while typing; it reports whether the filter text
// changed, and whether the key was a movement that ends the typing (up
// or down), for the list to act on.
func (f *filterBox) key(msg tea.KeyPressMsg) (changed bool, move int, cmd tea.Cmd) {
	switch msg.String() {
	case "esc":
		f.typing, f.text = false, ""
		return true, 0, nil
	case "enter":
		f.typing = false
		return false, 0, nil
	case "up":
		f.typing = false
		return false, -1, nil
	case "down":
		f.typing = false
		return false, 1, nil
	}
	f.in, cmd = f.in.Update(msg)
	changed = f.in.Value() != f.text
	f.text = f.in.Value()
	return changed, 0, cmd
}

// clear drops the filter; it reports whether there was one.
func (f *filterBox) clear() bool {
	had := f.text != ""
	f.text = ""
	return had
}

// line draws the filter in the status line; empty says nothing matches.
func (f *filterBox) line(w int, empty bool) string {
	t, st := f.c.t, f.c.st
	if f.typing {
		f.in.SetWidth(max(4, w-cells.Width(t.Filter)-2))
		line := st.Accent.Render(t.Filter) + f.in.View()
		if empty {
			line += "  " + st.Error.Render(fmt.Sprintf(t.NoMatch, model.CleanLine(f.text)))
		}
		return line
	}
	return st.Accent.Render(cells.Cut(t.Filter+f.text, w))
}

package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// scroll is a cursor over n rows and the first of them shown in a window
// of room rows: the one place where lists keep the cursor in range and
// in view.
type scroll struct{ cursor, offset, n, room int }

// setLen says how many rows there are now; the cursor stays in range.
func (s *scroll) setLen(n int) {
	s.n = n
	s.cursor = max(0, min(s.cursor, n-1))
	s.follow()
}

// setRoom says how many rows fit; the cursor stays in view.
func (s *scroll) setRoom(room int) {
	s.room = max(1, room)
	s.follow()
}

// move steps the cursor d rows, stopping at the ends.
func (s *scroll) move(d int) {
	s.cursor = max(0, min(s.cursor+d, s.n-1))
	s.follow()
}

// follow scrolls the window just enough to show the cursor, and never
// past the last row.
func (s *scroll) follow() {
	room := max(1, s.room)
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+room {
		s.offset = s.cursor - room + 1
	}
	s.offset = max(0, min(s.offset, s.n-room))
}

// window is the range of rows shown.
func (s *scroll) window() (from, to int) { return s.offset, min(s.n, s.offset+max(1, s.room)) }

// click puts the cursor on the row shown at line y of the window; it
// reports whether there was a row there.
func (s *scroll) click(y int) bool {
	i := s.offset + y
	if y < 0 || i >= s.n {
		return false
	}
	s.cursor = i
	return true
}

// stepOverHeadings moves cursor n rows (back when n < 0) through total
// rows of which heading marks the ones that cannot be selected; it stops
// at the last selectable row either way. A cursor of -1 (none) stays.
func stepOverHeadings(cursor, n, total int, heading func(i int) bool) int {
	if cursor < 0 {
		return cursor
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for ; n > 0; n-- {
		next := cursor + step
		for next >= 0 && next < total && heading(next) {
			next += step
		}
		if next < 0 || next >= total {
			break
		}
		cursor = next
	}
	return cursor
}

// cursorOn is the row of the duty whose id is keep, or else the first row
// that is not a heading; -1 when there is none.
func cursorOn(total int, heading func(i int) bool, dutyID func(i int) int64, keep int64) int {
	cursor := -1
	for i := range total {
		switch {
		case heading(i):
		case dutyID(i) == keep:
			return i
		case cursor < 0:
			cursor = i
		}
	}
	return cursor
}

// offsetUnderHeading is the first row to show, scrolled as little as may
// be from offset, so that the cursor's row and the heading just above it
// are in view; with no cursor (-1) it is the top.
func offsetUnderHeading(cursor, offset, total, room int, heading func(i int) bool) int {
	if cursor < 0 {
		return 0
	}
	s := scroll{cursor: cursor, offset: offset, n: total, room: room}
	if top := cursor - 1; top >= 0 && heading(top) && top < s.offset {
		s.offset = top
	}
	s.follow()
	return s.offset
}

// keys moves for the list keys and reports whether msg was one of them.
func (s *scroll) keys(k ListKeys, msg tea.KeyPressMsg) bool {
	return navigate(k, msg, s.move, max(1, s.room), s.n)
}

// navigate moves a list for the movement keys (up, down, a page, top,
// bottom) and reports whether msg was one of them.
func navigate(k ListKeys, msg tea.KeyPressMsg, move func(int), page, total int) bool {
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

// update handles a key or a paste while typing; it reports whether the
// filter text changed, and whether the key was a movement that ends the
// typing (up or down), for the list to act on.
func (f *filterBox) update(msg tea.Msg) (changed bool, move int, cmd tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		keys := f.c.keys.Filter
		switch {
		case key.Matches(k, keys.Clear):
			f.typing, f.text = false, ""
			return true, 0, nil
		case key.Matches(k, keys.Keep):
			f.typing = false
			return false, 0, nil
		case k.Code == tea.KeyUp:
			f.typing = false
			return false, -1, nil
		case k.Code == tea.KeyDown:
			f.typing = false
			return false, 1, nil
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: model.CleanLine(p.Content)}
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

// takes reports whether msg is for the filter: a key or a paste while
// typing in it.
func (f *filterBox) takes(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return f.typing
	}
	return false
}

// line draws the filter in the status line while there is one, else "";
// empty says nothing matches.
func (f *filterBox) line(w int, empty bool, noMatch string) string {
	t, st := f.c.t, f.c.st
	if !f.active() {
		return ""
	}
	if f.typing {
		f.in.SetWidth(max(4, w-cells.Width(t.Filter)-2))
		line := st.Accent.Render(t.Filter) + f.in.View()
		if empty {
			line += "  " + st.Error.Render(fmt.Sprintf(noMatch, model.CleanLine(f.text)))
		}
		return line
	}
	return st.Accent.Render(cells.Cut(t.Filter+f.text, w))
}

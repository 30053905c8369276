package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// helpScreen lists the keys, drawn from the key map: in one column, in
// two when the screen is short and wide, and scrolling when even that does
// not fit (English at 80×24). Any key but the scrolling ones closes it.
type helpScreen struct {
	c      *common
	w, h   int
	offset int
	lines  []string // the body as last laid out, for scrolling
	room   int
	scroll bool // the body does not fit and scrolls
}

func newHelpScreen(c *common) *helpScreen { return &helpScreen{c: c} }

// SetSize hands the help its size.
func (hs *helpScreen) SetSize(w, h int) { hs.w, hs.h = w, h }

// scrolls reports whether the keys do not fit and scroll.
func (hs *helpScreen) scrolls() bool { return hs.scroll }

// Update scrolls with the list keys when the help scrolls; any other key
// closes it.
func (hs *helpScreen) Update(msg tea.Msg) (Component, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return hs, nil
	}
	if hs.scrolls() {
		s := scroll{cursor: hs.offset, offset: hs.offset, n: len(hs.lines) - hs.room + 1, room: 1}
		if s.keys(hs.c.keys.List, press) {
			hs.offset = s.cursor
			return hs, nil
		}
	}
	hs.c.post(closeMsg{})
	return hs, nil
}

// ShortHelp: the help says how to close it at its foot.
func (hs *helpScreen) ShortHelp() []key.Binding { return nil }

// FullHelp: the help lists every key already.
func (hs *helpScreen) FullHelp() [][]key.Binding { return nil }

// helpEntry is one line of the help: keys that go together share one
// (k/up j/down  上移、下移).
type helpEntry struct{ keys, desc string }

// groups are the help's lines in three groups: moving, writing, the rest.
func (hs *helpScreen) groups(pairs bool) [][]helpEntry {
	k, lk := hs.c.keys.List, hs.c.keys.Ledger
	sep := "、"
	if hs.c.lang == model.English {
		sep = " / "
	}
	one := func(bs ...key.Binding) []helpEntry {
		var out []helpEntry
		for _, b := range bs {
			if b.Enabled() {
				out = append(out, helpEntry{b.Help().Key, b.Help().Desc})
			}
		}
		return out
	}
	two := func(b, c key.Binding) []helpEntry {
		if !pairs || !b.Enabled() || !c.Enabled() {
			return one(b, c)
		}
		return []helpEntry{{b.Help().Key + " " + c.Help().Key, b.Help().Desc + sep + c.Help().Desc}}
	}
	join := func(parts ...[]helpEntry) []helpEntry {
		var out []helpEntry
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	return [][]helpEntry{
		join(two(k.Up, k.Down), two(k.PageUp, k.PageDown), two(k.Top, k.Bottom), one(k.Open, k.Back)),
		join(one(lk.Tick, lk.Add), two(lk.Edit, lk.EditDuty), one(lk.Delete, lk.Undo), two(lk.NewDuty, lk.Excuse)),
		join(one(k.Filter), two(lk.NextView, lk.PrevView), two(lk.PrevYear, lk.NextYear), two(lk.Carry, lk.Profile), two(lk.Import, lk.Export), two(lk.Help, lk.Quit)),
	}
}

// column lays groups out in width cells; it reports whether a description
// had to be cut.
func (hs *helpScreen) column(gs [][]helpEntry, keyW, width int, spaced bool) (lines []string, cut bool) {
	st := hs.c.st
	for i, g := range gs {
		if i > 0 && spaced {
			lines = append(lines, "")
		}
		for _, e := range g {
			room := max(0, width-keyW-4)
			cut = cut || cells.Width(e.desc) > room
			lines = append(lines, "  "+st.Key.Render(cells.Fit(e.keys, keyW))+"  "+cells.Cut(e.desc, room))
		}
	}
	return lines, cut
}

// layout chooses the body: the first of one spaced column, two columns,
// one tight column that fits whole; else one binding a line, scrolling.
func (hs *helpScreen) layout(w, room int) (lines []string, scrolls bool) {
	keyWidth := func(gs [][]helpEntry) int {
		keyW := 0
		for _, g := range gs {
			for _, e := range g {
				keyW = max(keyW, cells.Width(e.keys))
			}
		}
		return keyW
	}
	groups := hs.groups(true)
	keyW := keyWidth(groups)
	if lines, cut := hs.column(groups, keyW, w, true); !cut && len(lines) <= room {
		return lines, false
	}
	if w >= 72 {
		left, cutL := hs.column(groups[:2], keyW, w/2-1, true)
		right, cutR := hs.column(groups[2:], keyW, w-w/2-1, true)
		if !cutL && !cutR && max(len(left), len(right)) <= room {
			return strings.Split(joinColumns(strings.Join(left, "\n"), strings.Join(right, "\n"), w/2, 1), "\n"), false
		}
	}
	if lines, cut := hs.column(groups, keyW, w, false); !cut && len(lines) <= room+2 {
		return lines, false // the blank lines around it make way
	}
	singles := hs.groups(false)
	lines, _ = hs.column(singles, keyWidth(singles), w, true)
	return lines, len(lines) > room
}

// View draws the keys.
func (hs *helpScreen) View() string {
	w, h := hs.w, hs.h
	t, st := hs.c.t, hs.c.st
	hs.room = max(1, h-4) // the title, a blank line, a blank line, the closing line
	hs.lines, hs.scroll = hs.layout(w, hs.room)
	title := st.Title.Render(cells.Cut(t.HelpTitle, w))
	closing := st.Muted.Render(cells.Cut(t.HelpClose, w))
	if !hs.scrolls() {
		lines := append([]string{title, ""}, hs.lines...)
		lines = append(lines, "", closing)
		if len(lines) > h && h > 0 {
			// Too short for all of it: the blank lines go first, the
			// closing line stays.
			lines = append(append([]string{title}, hs.lines...), closing)
		}
		return strings.Join(lines, "\n")
	}
	hs.offset = max(0, min(hs.offset, len(hs.lines)-hs.room))
	k := hs.c.keys.List
	more := key.NewBinding(key.WithKeys("down"), key.WithHelp(k.Down.Help().Key+" "+k.PageDown.Help().Key, t.KeyScroll))
	closing = st.Muted.Render(cells.Cut(hint(more)+"  "+t.HelpCloseOther, w))
	body := hs.lines[hs.offset : hs.offset+hs.room]
	lines := append([]string{title, ""}, body...)
	lines = append(lines, "", closing)
	return strings.Join(lines, "\n")
}

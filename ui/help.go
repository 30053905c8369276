package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

// helpScreen lists the keys of the screen it was opened on, as that
// screen declares them (its FullHelp), then the keys the App takes on
// every screen: in one column, in two when the screen is short and wide,
// and scrolling when even that does not fit (English at 80×24). Any key
// but the scrolling ones closes it.
type helpScreen struct {
	c      *common
	name   string          // the screen's name, for the title
	keys   [][]key.Binding // the screen's groups, then the App's
	w, h   int
	offset int
	lines  []string // the body as last laid out, for scrolling
	room   int
	scroll bool // the body does not fit and scrolls
}

// newHelpScreen is the help of the screen called name, whose groups of
// keys are screen, followed by the keys every screen takes (global) that
// the screen has not named.
func newHelpScreen(c *common, name string, screen [][]key.Binding, global []key.Binding) *helpScreen {
	seen := map[string]bool{}
	var groups [][]key.Binding
	for _, g := range screen {
		var out []key.Binding
		for _, b := range g {
			if b.Enabled() && !seen[b.Help().Key] {
				seen[b.Help().Key] = true
				out = append(out, b)
			}
		}
		if len(out) > 0 {
			groups = append(groups, out)
		}
	}
	var rest []key.Binding
	for _, b := range global {
		if b.Enabled() && !seen[b.Help().Key] {
			seen[b.Help().Key] = true
			rest = append(rest, b)
		}
	}
	if len(rest) > 0 {
		groups = append(groups, rest)
	}
	return &helpScreen{c: c, name: name, keys: groups}
}

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
		// A line at a time, or a page of the room the body has.
		most := max(0, len(hs.lines)-hs.room)
		to := func(d int) { hs.offset = max(0, min(most, hs.offset+d)) }
		if navigate(hs.c.keys.List, press, to, hs.room, len(hs.lines)) {
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

// moving are the keys that move through a list, then extra.
func moving(k ListKeys, extra ...key.Binding) []key.Binding {
	return append([]key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, extra...)
}

// helpEntry is one line of the help: keys that go together share one
// (k/up j/down  上移、下移).
type helpEntry struct{ keys, desc string }

// groups are the help's lines, a group of entries per group of keys.
// With pairs, two keys that go together (up and down, the previous and
// the next year) share a line when they follow each other.
func (hs *helpScreen) groups(pairs bool) [][]helpEntry {
	sep := "、"
	if hs.c.lang == model.English {
		sep = " / "
	}
	couple := hs.couples()
	var out [][]helpEntry
	for _, g := range hs.keys {
		var es []helpEntry
		for i := 0; i < len(g); i++ {
			b := g[i]
			if pairs && i+1 < len(g) && couple[[2]string{b.Help().Key, g[i+1].Help().Key}] {
				c := g[i+1]
				es = append(es, helpEntry{b.Help().Key + " " + c.Help().Key, b.Help().Desc + sep + c.Help().Desc})
				i++
				continue
			}
			es = append(es, helpEntry{b.Help().Key, b.Help().Desc})
		}
		out = append(out, es)
	}
	return out
}

// couples are the keys that share a line of the help when they follow
// each other, by their keys as the help shows them.
func (hs *helpScreen) couples() map[[2]string]bool {
	k, lk := hs.c.keys.List, hs.c.keys.Ledger
	out := map[[2]string]bool{}
	for _, p := range [][2]key.Binding{{k.Up, k.Down}, {k.PageUp, k.PageDown}, {k.Top, k.Bottom},
		{lk.Edit, lk.EditDuty}, {lk.NextView, lk.PrevView}, {lk.PrevYear, lk.NextYear},
		{lk.Import, lk.Export}, {lk.Help, lk.Quit}} {
		out[[2]string{p[0].Help().Key, p[1].Help().Key}] = true
	}
	return out
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
	if w >= 72 && len(groups) > 1 {
		// The screen's own keys on the left, the keys of every screen on
		// the right.
		left, cutL := hs.column(groups[:len(groups)-1], keyW, w/2-1, true)
		right, cutR := hs.column(groups[len(groups)-1:], keyW, w-w/2-1, true)
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
	name := t.HelpTitle
	if hs.name != "" {
		name += t.Colon + hs.name
	}
	title := st.Title.Render(cells.Cut(name, w))
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

package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"taizhang/ui/cells"
)

// KeyMap holds every key binding of the interface, grouped by where they
// act. Every hint line and the help screen are drawn from these bindings,
// so what the officer reads is what the keys do.
type KeyMap struct {
	List    ListKeys
	Ledger  LedgerKeys
	Filter  FilterKeys
	Form    FormKeys
	Confirm ConfirmKeys
	Review  ReviewKeys
}

// ListKeys move through a list and open what is under the cursor.
type ListKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Open, Back, Filter key.Binding
}

// LedgerKeys act on the ledger or move between views and years.
type LedgerKeys struct {
	Tick, Add, NewDuty, Edit, EditDuty, Delete, Undo key.Binding
	Excuse, Profile                                  key.Binding
	PrevYear, NextYear, NextView, PrevView           key.Binding
	Export, Import, Carry, Help, Quit                key.Binding
}

// FilterKeys end the typing of a filter.
type FilterKeys struct{ Keep, Clear key.Binding }

// FormKeys work in forms and one-line prompts.
type FormKeys struct {
	Next, Prev, Submit, Accept, Cancel, Complete, Day, Choose, Toggle key.Binding
}

// ConfirmKeys answer a yes-or-no question.
type ConfirmKeys struct{ Yes, No key.Binding }

// ReviewKeys work in the review of a plan's proposed duties (with the
// list keys for moving).
type ReviewKeys struct{ Toggle, All, Edit, Split, Merge, Accept, Cancel key.Binding }

// DefaultKeyMap is the key map with help texts in the officer's language.
func DefaultKeyMap(t *Text) KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		List: ListKeys{
			Up:       b("k/up", t.KeyUp, "up", "k"),
			Down:     b("j/down", t.KeyDown, "down", "j"),
			PageUp:   b("pgup", t.KeyPageUp, "pgup", "ctrl+u"),
			PageDown: b("pgdn", t.KeyPageDown, "pgdown", "ctrl+d"),
			Top:      b("g", t.KeyTop, "home", "g"),
			Bottom:   b("G", t.KeyBottom, "end", "G"),
			Open:     b("enter", t.KeyOpen, "enter"),
			Back:     b("esc", t.KeyBack, "esc"),
			Filter:   b("/", t.KeyFilter, "/"),
		},
		Ledger: LedgerKeys{
			Tick:     b("space", t.KeyTick, "space"),
			Add:      b("a", t.KeyAdd, "a"),
			NewDuty:  b("n", t.KeyNewDuty, "n"),
			Edit:     b("e", t.KeyEdit, "e"),
			EditDuty: b("E", t.KeyEditDuty, "E"),
			Delete:   b("d", t.KeyDelete, "d"),
			Excuse:   b("v", t.KeyExcuse, "v"),
			Profile:  b("p", t.KeyProfile, "p"),
			Undo:     b("u", t.KeyUndo, "u"),
			PrevYear: b("[", t.KeyPrevYear, "["),
			NextYear: b("]", t.KeyNextYear, "]"),
			NextView: b("tab", t.KeyNextView, "tab"),
			PrevView: b("shift+tab", t.KeyPrevView, "shift+tab"),
			Export:   b("x", t.KeyExport, "x"),
			Import:   b("i", t.KeyImport, "i"),
			Carry:    b("c", t.KeyCarry, "c"),
			Help:     b("?", t.KeyHelp, "?"),
			Quit:     b("q", t.KeyQuit, "q", "ctrl+c"),
		},
		Filter: FilterKeys{
			Keep:  b("enter", t.KeyKeep, "enter"),
			Clear: b("esc", t.KeyClear, "esc"),
		},
		Form: FormKeys{
			Next:     b("enter/tab", t.KeyNextField, "enter", "tab", "down"),
			Prev:     b("shift+tab", t.KeyPrevField, "shift+tab", "up"),
			Submit:   b("ctrl+s", t.KeySave, "ctrl+s"),
			Accept:   b("enter", t.KeySave, "enter"),
			Cancel:   b("esc", t.KeyCancel, "esc"),
			Complete: b("tab", t.KeyComplete, "tab"),
			Day:      b("-/+", t.KeyDay, "-", "+", "="),
			Choose:   b("left/right", t.KeyChoose, "left", "right", "h", "l", "space"),
			Toggle:   b("space", t.KeyToggle, "space", "x"),
		},
		Confirm: ConfirmKeys{
			Yes: b("y", t.KeyYes, "y", "Y"),
			No:  b("n", t.KeyNo, "n", "N", "esc", "q"),
		},
		Review: ReviewKeys{
			Toggle: b("space", t.KeyCheck, "space", "x"),
			All:    b("A", t.KeyAll, "A"),
			Edit:   b("e", t.KeyEdit, "e"),
			Split:  b("s", t.KeySplit, "s"),
			Merge:  b("m", t.KeyMerge, "m"),
			Accept: b("enter", t.KeyAddChecked, "enter", "ctrl+s"),
			Cancel: b("esc", t.KeyCancel, "esc"),
		},
	}
}

// hint is a line of bindings as "key what" pairs, the disabled ones left
// out.
func hint(bs ...key.Binding) string {
	var parts []string
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		parts = append(parts, h.Key+" "+h.Desc)
	}
	return strings.Join(parts, "  ")
}

// hintLines lays key hints out over as many lines as w needs, breaking
// between two keys, never inside one.
func hintLines(w int, bs ...key.Binding) []string {
	var lines []string
	cur := ""
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		h := b.Help()
		part := h.Key + " " + h.Desc
		switch {
		case cur == "":
			cur = part
		case cells.Width(cur)+2+cells.Width(part) <= w:
			cur += "  " + part
		default:
			lines = append(lines, cells.Cut(cur, w))
			cur = part
		}
	}
	if cur != "" {
		lines = append(lines, cells.Cut(cur, w))
	}
	return lines
}

// enabled is b switched on or off, for help that never lies.
func enabled(b key.Binding, on bool) key.Binding {
	b.SetEnabled(on)
	return b
}

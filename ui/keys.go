package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the interface.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Back, Tick, Add, NewDuty, Edit    key.Binding
	EditDuty                                key.Binding
	Delete, Undo, Filter, PrevYear          key.Binding
	NextYear, NextView, PrevView, Export    key.Binding
	Import, Help, Quit, Carry               key.Binding
}

// DefaultKeyMap is the key map with help texts in the officer's language.
func DefaultKeyMap(t *Text) KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:       b("k/up", t.KeyUp, "up", "k"),
		Down:     b("j/down", t.KeyDown, "down", "j"),
		PageUp:   b("pgup", t.KeyPageUp, "pgup", "ctrl+u"),
		PageDown: b("pgdn", t.KeyPageDown, "pgdown", "ctrl+d"),
		Top:      b("g", t.KeyTop, "home", "g"),
		Bottom:   b("G", t.KeyBottom, "end", "G"),
		Open:     b("enter", t.KeyOpen, "enter"),
		Back:     b("esc", t.KeyBack, "esc"),
		Tick:     b("space", t.KeyTick, "space"),
		Add:      b("a", t.KeyAdd, "a"),
		NewDuty:  b("n", t.KeyNewDuty, "n"),
		Edit:     b("e", t.KeyEdit, "e"),
		EditDuty: b("E", t.KeyEditDuty, "E"),
		Delete:   b("d", t.KeyDelete, "d"),
		Undo:     b("u", t.KeyUndo, "u"),
		Filter:   b("/", t.KeyFilter, "/"),
		PrevYear: b("[", t.KeyPrevYear, "["),
		NextYear: b("]", t.KeyNextYear, "]"),
		NextView: b("tab", t.KeyNextView, "tab"),
		PrevView: b("shift+tab", t.KeyPrevView, "shift+tab"),
		Export:   b("x", t.KeyExport, "x"),
		Import:   b("i", t.KeyImport, "i"),
		Carry:    b("c", t.KeyCarry, "c"),
		Help:     b("?", t.KeyHelp, "?"),
		Quit:     b("q", t.KeyQuit, "q", "ctrl+c"),
	}
}

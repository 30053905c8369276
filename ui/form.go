package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/ui/cells"
)

type fieldKind int

const (
	textField   fieldKind = iota
	dateField             // text with -/+ stepping a day
	choiceField           // one of options, chosen with left/right
	checkField            // on or off, toggled with space
)

// field is one row of a form.
type field struct {
	key     string
	label   string
	kind    fieldKind
	in      textinput.Model
	options []string // choiceField: what is shown
	choice  int
	checked bool
	orig    string // the value the field was given
	hint    string
	err     string
	// complete offers completions for the text before the cursor (the
	// participants field completes the name being typed).
	complete func(value string) []string
}

// form is a small modal form: labelled fields, one focused, errors shown
// under the field they belong to. It is used for records, duties and the
// quick tick prompt.
type form struct {
	c      *common
	title  string
	fields []*field
	focus  int
	err    string // an error not tied to one field
	busy   bool   // a save is in flight
}

func (c *common) newInput(value string) textinput.Model {
	in := textinput.New()
	st := textinput.DefaultStyles(c.isDark)
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.Prompt = ""
	in.SetValue(model.CleanLine(value)) // text from the ledger is shown inert
	in.CursorEnd()
	return in
}

func (f *form) add(fl *field) *field {
	f.fields = append(f.fields, fl)
	if len(f.fields) == 1 {
		f.focusField(0)
	}
	return fl
}

func (f *form) text(k, label, value string) *field {
	return f.add(&field{key: k, label: label, kind: textField, in: f.c.newInput(value), orig: value})
}

func (f *form) date(k, label string, value model.Date) *field {
	return f.add(&field{key: k, label: label, kind: dateField, in: f.c.newInput(value.String()), hint: f.c.t.DateHint})
}

func (f *form) choice(k, label string, options []string, chosen int) *field {
	return f.add(&field{key: k, label: label, kind: choiceField, options: options, choice: chosen, hint: f.c.t.ChoiceHint})
}

// check adds a checkbox: a short label in the label column, and what
// ticking it means beside the box.
func (f *form) check(k, label, meaning string) *field {
	return f.add(&field{key: k, label: label, kind: checkField, options: []string{meaning}})
}

func (f *form) field(k string) *field {
	for _, fl := range f.fields {
		if fl.key == k {
			return fl
		}
	}
	return nil
}

// value is a text field's content. A field left as it was gives back the
// text it was given, so a note's line breaks survive an edit of the topic.
func (f *form) value(k string) string {
	fl := f.field(k)
	if v := fl.in.Value(); v != model.CleanLine(fl.orig) {
		return v
	}
	return fl.orig
}

func (f *form) focusField(i int) {
	for j, fl := range f.fields {
		if fl.kind != textField && fl.kind != dateField {
			continue // no text input behind it
		}
		if j == i {
			fl.in.Focus()
		} else {
			fl.in.Blur()
		}
	}
	f.focus = i
}

// setError shows err under the field it belongs to, or at the foot.
func (f *form) setError(k, msg string) {
	for i, fl := range f.fields {
		fl.err = ""
		if fl.key == k {
			fl.err = msg
			f.focusField(i)
		}
	}
	if f.field(k) == nil {
		f.err = msg
	} else {
		f.err = ""
	}
}

func (f *form) clearErrors() {
	f.err = ""
	for _, fl := range f.fields {
		fl.err = ""
	}
}

// completions are what the focused field offers for its current text.
func (f *form) completions() []string {
	fl := f.fields[f.focus]
	if fl.complete == nil {
		return nil
	}
	return fl.complete(fl.in.Value())
}

// formResult says what a key did to a form.
type formResult int

const (
	formEditing formResult = iota
	formSubmit
	formCancel
)

// update handles a key; the caller acts on submit and cancel.
func (f *form) update(msg tea.KeyPressMsg) (formResult, tea.Cmd) {
	fl := f.fields[f.focus]
	k := f.c.keys
	switch {
	case msg.String() == "esc":
		return formCancel, nil
	case msg.String() == "ctrl+s":
		return formSubmit, nil
	case msg.String() == "enter":
		if f.focus == len(f.fields)-1 {
			return formSubmit, nil
		}
		f.focusField(f.focus + 1)
		return formEditing, nil
	case msg.String() == "tab":
		if c := f.completions(); len(c) > 0 {
			fl.in.SetValue(completeWith(fl.in.Value(), c[0]))
			fl.in.CursorEnd()
			return formEditing, nil
		}
		f.focusField((f.focus + 1) % len(f.fields))
		return formEditing, nil
	case msg.String() == "shift+tab", msg.String() == "up":
		f.focusField((f.focus + len(f.fields) - 1) % len(f.fields))
		return formEditing, nil
	case msg.String() == "down":
		f.focusField((f.focus + 1) % len(f.fields))
		return formEditing, nil
	}
	switch fl.kind {
	case choiceField:
		switch msg.String() {
		case "left", "h":
			fl.choice = (fl.choice + len(fl.options) - 1) % len(fl.options)
		case "right", "l", "space":
			fl.choice = (fl.choice + 1) % len(fl.options)
		}
		return formEditing, nil
	case checkField:
		if key.Matches(msg, k.Tick) || msg.String() == "x" {
			fl.checked = !fl.checked
		}
		return formEditing, nil
	case dateField:
		// - and + step a day when the field holds a whole date; while a
		// date is being typed, - is just a separator.
		d, err := model.ParseDate(strings.TrimSpace(fl.in.Value()))
		switch msg.String() {
		case "-", "+", "=":
			if err != nil {
				break
			}
			if msg.String() == "-" {
				d--
			} else {
				d++
			}
			fl.in.SetValue(d.String())
			fl.in.CursorEnd()
			fl.err = ""
			return formEditing, nil
		}
	}
	var cmd tea.Cmd
	fl.in, cmd = fl.in.Update(msg)
	return formEditing, cmd
}

// drive is the update of a form that is the overlay: keys edit it, esc
// closes it, and a submit calls submit; nothing is taken while a save is
// in flight.
func (f *form) drive(a *App, msg tea.KeyPressMsg, submit func(*App) tea.Cmd) tea.Cmd {
	if f.busy {
		return nil
	}
	res, cmd := f.update(msg)
	switch res {
	case formCancel:
		a.overlay = nil
		return nil
	case formSubmit:
		return submit(a)
	}
	return cmd
}

// completeWith replaces the name being typed (after the last separator)
// with name, and adds a separator for the next one.
func completeWith(value, name string) string {
	cut := strings.LastIndexAny(value, "、，,；; ")
	prefix := ""
	if cut >= 0 {
		_, size := lastRune(value[cut:])
		prefix = value[:cut+size]
	}
	return prefix + name + "、"
}

func lastRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// view draws the form in w cells.
func (f *form) view(w int) string {
	st := f.c.st
	labelW := 0
	for _, fl := range f.fields {
		labelW = max(labelW, cells.Width(fl.label))
	}
	labelW = min(labelW, max(4, w/3))
	inputW := max(4, w-labelW-4)
	var b strings.Builder
	b.WriteString(st.Title.Render(cells.Cut(f.title, w)) + "\n\n")
	for i, fl := range f.fields {
		marker := "  "
		label := st.Label.Render(cells.Fit(fl.label, labelW))
		if i == f.focus {
			marker = st.Marker.Render("> ")
			label = st.Focused.Render(cells.Fit(fl.label, labelW))
		}
		b.WriteString(marker + label + "  ")
		switch fl.kind {
		case choiceField:
			b.WriteString(f.choiceView(fl, i == f.focus, inputW))
		case checkField:
			box := "[ ] "
			if fl.checked {
				box = "[x] "
			}
			b.WriteString(box + cells.Cut(fl.options[0], inputW-4))
		default:
			fl.in.SetWidth(inputW - 1)
			fl.in.SetCursor(fl.in.Position()) // scrolls the text into the new width
			b.WriteString(fl.in.View())
		}
		b.WriteString("\n")
		pad := strings.Repeat(" ", labelW+4)
		switch {
		case fl.err != "":
			for _, l := range wrap(fl.err, inputW, 3) {
				b.WriteString(pad + st.Error.Render(l) + "\n")
			}
		case i == f.focus && fl.complete != nil && len(f.completions()) > 0:
			b.WriteString(pad + st.Muted.Render(cells.Cut(fmt.Sprintf(f.c.t.WithHint, strings.Join(f.completions(), " ")), inputW)) + "\n")
		case i == f.focus && fl.hint != "":
			b.WriteString(pad + st.Muted.Render(cells.Cut(fl.hint, inputW)) + "\n")
		}
	}
	if f.err != "" {
		b.WriteString("\n")
		for _, l := range wrap(f.err, w, 3) {
			b.WriteString(st.Error.Render(l) + "\n")
		}
	}
	b.WriteString("\n" + st.Muted.Render(cells.Cut(f.c.t.FormHint, w)))
	return b.String()
}

func (f *form) choiceView(fl *field, focused bool, w int) string {
	var parts []string
	for i, o := range fl.options {
		if i == fl.choice {
			o = "[" + o + "]"
			if focused {
				o = f.c.st.Focused.Render(o)
			}
		} else {
			o = " " + o + " "
		}
		parts = append(parts, o)
	}
	line := strings.Join(parts, "")
	if cells.Width(line) > w {
		// Too narrow for every option: show the chosen one between arrows.
		return f.c.st.Focused.Render("< " + cells.Cut(fl.options[fl.choice], w-4) + " >")
	}
	return line
}

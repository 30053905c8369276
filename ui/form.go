package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
	// single: the field holds one value (a group), which a completion
	// replaces whole, with no separator after it for another.
	single bool
	// whole shows the value wrapped over lines when it is not being
	// edited, rather than cut (a path the officer must see whole).
	whole bool
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
	return f.add(&field{key: k, label: label, kind: dateField, in: f.c.newInput(value.String()), hint: hint(f.c.keys.Form.Day)})
}

func (f *form) choice(k, label string, options []string, chosen int) *field {
	return f.add(&field{key: k, label: label, kind: choiceField, options: options, choice: chosen, hint: hint(f.c.keys.Form.Choose)})
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

// update handles a key or a paste; the caller acts on submit and cancel.
func (f *form) update(msg tea.Msg) (formResult, tea.Cmd) {
	fl := f.fields[f.focus]
	if p, ok := msg.(tea.PasteMsg); ok {
		// Pasted text goes into the focused text field as one line, made
		// inert, wherever it was copied from.
		if fl.kind != textField && fl.kind != dateField {
			return formEditing, nil
		}
		var cmd tea.Cmd
		fl.in, cmd = fl.in.Update(tea.PasteMsg{Content: model.CleanLine(p.Content)})
		return formEditing, cmd
	}
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		fl.in, cmd = fl.in.Update(msg)
		return formEditing, cmd
	}
	k := f.c.keys.Form
	switch {
	case key.Matches(press, k.Cancel):
		return formCancel, nil
	case key.Matches(press, k.Submit):
		return formSubmit, nil
	case key.Matches(press, k.Complete) && len(f.completions()) > 0:
		if fl.single {
			fl.in.SetValue(f.completions()[0])
		} else {
			fl.in.SetValue(completeWith(fl.in.Value(), f.completions()[0]))
		}
		fl.in.CursorEnd()
		return formEditing, nil
	case key.Matches(press, k.Accept) && f.focus == len(f.fields)-1:
		return formSubmit, nil
	case key.Matches(press, k.Next):
		f.focusField((f.focus + 1) % len(f.fields))
		return formEditing, nil
	case key.Matches(press, k.Prev):
		f.focusField((f.focus + len(f.fields) - 1) % len(f.fields))
		return formEditing, nil
	}
	switch fl.kind {
	case choiceField:
		if key.Matches(press, k.Choose) {
			if press.Code == tea.KeyLeft || press.String() == "h" {
				fl.choice = (fl.choice + len(fl.options) - 1) % len(fl.options)
			} else {
				fl.choice = (fl.choice + 1) % len(fl.options)
			}
		}
		return formEditing, nil
	case checkField:
		if key.Matches(press, k.Toggle) {
			fl.checked = !fl.checked
		}
		return formEditing, nil
	case dateField:
		// - and + step a day when the field holds a whole date; while a
		// date is being typed, - is just a separator.
		if d, err := model.ParseDate(strings.TrimSpace(fl.in.Value())); err == nil && key.Matches(press, k.Day) {
			if press.String() == "-" {
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

// people is a participants field's value as it should be kept: the
// separator a completion leaves after the last name is not part of it.
func people(v string) string { return strings.TrimRight(v, "、，,；; ") }

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
		focused := i == f.focus
		switch fl.kind {
		case choiceField:
			b.WriteString(f.choiceView(fl, i == f.focus, inputW))
		case checkField:
			box := "[ ] "
			if fl.checked {
				box = "[x] "
			}
			b.WriteString(box)
			// The meaning wraps under itself: it says what ticking does.
			for j, l := range wrap(fl.options[0], inputW-4, 3) {
				if j > 0 {
					b.WriteString("\n" + strings.Repeat(" ", labelW+4+4))
				}
				b.WriteString(l)
			}
		default:
			if !focused {
				// A field not being edited shows how it starts, or all
				// of it.
				if !fl.whole {
					b.WriteString(cells.Cut(fl.in.Value(), inputW-1))
					break
				}
				for j, l := range wrapChars(fl.in.Value(), inputW-1, 4) {
					if j > 0 {
						b.WriteString("\n" + strings.Repeat(" ", labelW+4))
					}
					b.WriteString(l)
				}
				break
			}
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
			b.WriteString(pad + st.Muted.Render(cells.Cut(hint(f.c.keys.Form.Complete)+f.c.t.Colon+strings.Join(f.completions(), " "), inputW)) + "\n")
		case i == f.focus && fl.hint != "":
			for _, l := range wrap(fl.hint, inputW, 4) {
				b.WriteString(pad + st.Muted.Render(l) + "\n")
			}
		}
	}
	if f.err != "" {
		b.WriteString("\n")
		for _, l := range wrap(f.err, w, 3) {
			b.WriteString(st.Error.Render(l) + "\n")
		}
	}
	k := f.c.keys.Form
	b.WriteString("\n" + st.Muted.Render(cells.Cut(hint(k.Next, k.Submit, k.Cancel), w)))
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

// step is the Update of a form that is an overlay: keys and pastes edit
// it, cancel asks to close it, submit calls submit; nothing is taken while
// a save is in flight.
func (f *form) step(msg tea.Msg, submit func()) tea.Cmd {
	if f.busy {
		return nil
	}
	res, cmd := f.update(msg)
	switch res {
	case formCancel:
		f.c.post(closeMsg{})
		return nil
	case formSubmit:
		submit()
		return nil
	}
	return cmd
}

// saving marks the form busy and posts the write it asks for.
func (f *form) saving(intent tea.Msg) {
	f.busy = true
	f.c.post(intent)
}

// failed shows why a save was refused, under the field it is about when
// the error names one.
func (f *form) failed(err error, field string) {
	f.busy = false
	if field == "" {
		if ie, ok := model.AsInput(err); ok {
			field = ie.Field
		}
	}
	f.setError(field, f.c.errText(err))
}

// fullHelp is every key a form takes.
func (f *form) fullHelp() [][]key.Binding {
	k := f.c.keys.Form
	return [][]key.Binding{{k.Next, k.Prev, k.Submit, k.Cancel}, {k.Complete, k.Day, k.Choose, k.Toggle}}
}

// wrapChars breaks s into at most n lines of w cells anywhere (a path has
// no spaces to break at), the last cut short.
func wrapChars(s string, w, n int) []string {
	s = model.CleanLine(s)
	var out []string
	for s != "" && len(out) < n {
		if cells.Width(s) <= w || len(out) == n-1 {
			out = append(out, cells.Cut(s, w))
			break
		}
		head := ansi.Truncate(s, w, "")
		if head == "" {
			break
		}
		out = append(out, head)
		s = s[len(head):]
	}
	return out
}

// formScreen is a form shown as a screen of its own, at most 100 cells
// wide, drawing its own hint line.
type formScreen struct {
	f *form
	w int
}

func newFormScreen(c *common) formScreen { return formScreen{f: &form{c: c}} }

// SetSize: the form is at most 100 cells wide.
func (s *formScreen) SetSize(w, _ int) { s.w = min(w, 100) }

// update edits the fields and submits on enter; a failed save shows
// under field ("": the field the refusal names, as the form's fields
// share the model's names).
func (s *formScreen) update(msg tea.Msg, field string, submit func()) tea.Cmd {
	if m, ok := msg.(failedMsg); ok {
		s.f.failed(m.err, field)
		return nil
	}
	return s.f.step(msg, submit)
}

// ShortHelp: the form draws its own hint line.
func (s *formScreen) ShortHelp() []key.Binding { return nil }

// FullHelp is the form's keys.
func (s *formScreen) FullHelp() [][]key.Binding { return s.f.fullHelp() }

// View draws the form.
func (s *formScreen) View() string { return s.f.view(s.w) }

package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/model"
	"taizhang/model/plan"
	"taizhang/ui/cells"
)

// maxPlanBytes bounds a plan file read from the dialog, as on the command
// line: a work plan is a few pages.
const maxPlanBytes = 8 << 20

// planSource is the first step of i: the path of a plan file, or pasted text.
type planSource struct {
	f    *form
	year int
}

func newPlanSource(a *App) *planSource {
	p := &planSource{f: &form{c: a.c}, year: a.year}
	p.f.title = fmt.Sprintf(a.c.t.PlanTitle, a.year)
	p.f.text("path", a.c.t.PlanPath, "")
	p.f.fields[0].hint = a.c.t.PlanPathHint
	return p
}

type planReadMsg struct {
	doc    plan.Document
	source string
	err    error
}

func (p *planSource) update(a *App, msg tea.KeyPressMsg) tea.Cmd { return p.f.drive(a, msg, p.submit) }

func (p *planSource) submit(a *App) tea.Cmd {
	path := strings.TrimSpace(p.f.value("path"))
	if path == "" {
		p.f.setError("path", a.c.t.PlanNoPath)
		return nil
	}
	p.f.busy = true
	return readPlanFile(path, a.c.t)
}

// paste takes pasted text: several lines are the plan itself; one line is
// typed into the path.
func (p *planSource) paste(a *App, msg tea.PasteMsg) tea.Cmd {
	// Terminals send pasted line ends as CR as often as LF.
	msg.Content = strings.ReplaceAll(strings.ReplaceAll(msg.Content, "\r\n", "\n"), "\r", "\n")
	if !strings.Contains(msg.Content, "\n") {
		fl := p.f.fields[0]
		fl.in.SetValue(fl.in.Value() + msg.Content)
		fl.in.CursorEnd()
		return nil
	}
	p.f.busy = true
	text := msg.Content
	source := a.c.t.PlanPasted
	return func() tea.Msg { return planReadMsg{doc: plan.Analyze(text), source: source} }
}

// readPlanFile reads, decodes and analyses a plan file in a command.
func readPlanFile(path string, t *Text) tea.Cmd {
	return func() tea.Msg {
		fail := func(format string) tea.Msg {
			return planReadMsg{err: errors.New(fmt.Sprintf(format, model.CleanLine(path)))}
		}
		fi, err := os.Stat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fail(t.PlanMissing)
		case err != nil:
			return fail(t.PlanUnreadable)
		case fi.IsDir():
			return fail(t.PlanIsDir)
		}
		f, err := os.Open(path)
		if err != nil {
			return fail(t.PlanUnreadable)
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, maxPlanBytes+1))
		if err != nil {
			return fail(t.PlanUnreadable)
		}
		if len(b) > maxPlanBytes {
			return fail(t.PlanTooBig)
		}
		text, err := plan.Decode(b)
		if err != nil {
			return planReadMsg{err: err}
		}
		return planReadMsg{doc: plan.Analyze(text), source: model.CleanLine(path)}
	}
}

func (p *planSource) failed(a *App, err error) {
	p.f.busy = false
	p.f.setError("path", errText(err, a.c.lang))
}

func (p *planSource) view(w, _ int) string { return p.f.view(min(w, 100)) }

// planRead moves from the source to the review of what was found.
func (a *App) planRead(msg planReadMsg) tea.Cmd {
	src, ok := a.overlay.(*planSource)
	if !ok {
		return nil
	}
	if msg.err != nil {
		src.failed(a, msg.err)
		return nil
	}
	if len(msg.doc.Candidates) == 0 {
		src.failed(a, errors.New(fmt.Sprintf(a.c.t.PlanNone, msg.source)))
		return nil
	}
	a.overlay = newPlanReview(a, src.year, msg.doc, msg.source)
	return nil
}

// planItem is one proposed duty under review.
type planItem struct {
	plan.Candidate
	on     bool
	exists bool // a duty of that title already has a target in the year
}

// planReview lists the candidates with checkboxes; the officer turns them
// on and off, edits one in place, and adds the ones checked.
type planReview struct {
	c       *common
	year    int
	doc     plan.Document
	source  string
	items   []planItem
	cursor  int
	offset  int
	editing *form // the selected candidate being edited, or nil
	busy    bool
	err     string
}

func newPlanReview(a *App, year int, doc plan.Document, source string) *planReview {
	have := map[string]bool{}
	if a.c.data != nil && a.c.data.year == year {
		for _, dy := range a.c.data.status.Duties {
			have[dy.Duty.Title] = true
		}
	}
	r := &planReview{c: a.c, year: year, doc: doc, source: source}
	for _, c := range doc.Candidates {
		r.items = append(r.items, planItem{Candidate: c, on: !have[c.Title], exists: have[c.Title]})
	}
	return r
}

func (r *planReview) checked() int {
	n := 0
	for _, it := range r.items {
		if it.on {
			n++
		}
	}
	return n
}

func (r *planReview) update(a *App, msg tea.KeyPressMsg) tea.Cmd {
	if r.busy {
		return nil
	}
	if r.editing != nil {
		return r.updateEdit(msg)
	}
	k := r.c.keys
	switch {
	case msg.String() == "esc":
		a.overlay = nil
	case key.Matches(msg, k.Up):
		r.cursor = max(0, r.cursor-1)
	case key.Matches(msg, k.Down):
		r.cursor = min(len(r.items)-1, r.cursor+1)
	case key.Matches(msg, k.Tick), msg.String() == "x":
		r.items[r.cursor].on = !r.items[r.cursor].on
	case msg.String() == "A":
		all := r.checked() < len(r.items)
		for i := range r.items {
			r.items[i].on = all
		}
	case key.Matches(msg, k.Edit):
		r.editing = r.editForm(r.items[r.cursor].Candidate)
	case msg.String() == "enter", msg.String() == "ctrl+s":
		return r.accept(a)
	}
	return nil
}

// editForm edits the selected candidate's title, category, cadence and minimum.
func (r *planReview) editForm(c plan.Candidate) *form {
	t := r.c.t
	f := &form{c: r.c, title: t.PlanEdit}
	f.text("title", t.Title, c.Title)
	var cats, cads []string
	for _, k := range model.Categories {
		cats = append(cats, k.Name(r.c.lang))
	}
	chosen := 0
	for i, k := range model.Cadences {
		cads = append(cads, k.Name(r.c.lang))
		if k == c.Cadence {
			chosen = i
		}
	}
	f.choice("category", t.Category, cats, c.Category.Rank())
	f.choice("cadence", t.Cadence, cads, chosen)
	f.text("min", t.Min, strconv.Itoa(c.Min))
	return f
}

func (r *planReview) updateEdit(msg tea.KeyPressMsg) tea.Cmd {
	res, cmd := r.editing.update(msg)
	switch res {
	case formCancel:
		r.editing = nil
	case formSubmit:
		f := r.editing
		f.clearErrors()
		n, err := strconv.Atoi(strings.TrimSpace(f.value("min")))
		if err != nil || n < 1 || n > model.MaxMin {
			f.setError("min", r.c.t.MinInvalid)
			return nil
		}
		d := model.Duty{Title: f.value("title"), Category: model.Categories[f.field("category").choice]}
		if err := d.Normalize(); err != nil {
			f.setError("title", errText(err, r.c.lang))
			return nil
		}
		it := &r.items[r.cursor]
		it.Title, it.Category, it.Cadence, it.Min = d.Title, d.Category, model.Cadences[f.field("cadence").choice], n
		it.on = true
		r.editing = nil
	}
	return cmd
}

// accept adds the checked candidates as duties with targets for the year,
// in one transaction.
func (r *planReview) accept(a *App) tea.Cmd {
	var ds []model.Duty
	var ts []model.Target
	for _, it := range r.items {
		if !it.on {
			continue
		}
		ds = append(ds, model.Duty{Title: it.Title, Category: it.Category, Basis: it.Basis})
		ts = append(ts, model.Target{Year: r.year, Cadence: it.Cadence, Min: it.Min})
	}
	if len(ds) == 0 {
		r.err = r.c.t.PlanNoneChecked
		return nil
	}
	r.busy, r.err = true, ""
	t, year := r.c.t, r.year
	return a.write(func(ctx context.Context, l Ledger) writtenMsg {
		added, err := l.AddDuties(ctx, ds, ts)
		return writtenMsg{err: err, say: fmt.Sprintf(t.PlanAdded, added.Added, year, len(added.Skipped))}
	})
}

func (r *planReview) failed(a *App, err error) {
	r.busy = false
	r.err = errText(err, a.c.lang)
}

func (r *planReview) view(w, h int) string {
	t, st, lang := r.c.t, r.c.st, r.c.lang
	var lines []string
	head := fmt.Sprintf(t.PlanFound, r.source, len(r.items), r.checked())
	lines = append(lines, st.Title.Render(cells.Cut(head, w)))
	if r.doc.Kind == plan.KindReport {
		lines = append(lines, st.Error.Render(cells.Cut(t.PlanIsReport, w)))
	}
	if r.doc.Year != 0 && r.doc.Year != r.year {
		lines = append(lines, st.Error.Render(cells.Cut(fmt.Sprintf(t.PlanOtherYear, r.doc.Year, r.year), w)))
	}
	lines = append(lines, "")
	reqW := 16
	catW := 8
	titleW := max(6, w-4-2-catW-2-reqW)
	detail := 5
	if r.editing != nil {
		detail = 11
	}
	room := max(1, h-len(lines)-detail)
	if r.cursor < r.offset {
		r.offset = r.cursor
	}
	if r.cursor >= r.offset+room {
		r.offset = r.cursor - room + 1
	}
	for i := r.offset; i < len(r.items) && i < r.offset+room; i++ {
		it := r.items[i]
		box := "[ ] "
		if it.on {
			box = "[x] "
		}
		title := it.Title
		if it.exists {
			title += t.PlanExists
		}
		req := model.Target{Cadence: it.Cadence, Min: it.Min}.Requirement(lang)
		row := box + cells.Fit(title, titleW) + "  " + cells.Fit(it.Category.Name(lang), catW) + "  " + cells.Cut(req, reqW)
		if i == r.cursor {
			lines = append(lines, st.Marker.Render("> ")+st.Selected.Render(row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	lines = append(lines, "")
	if r.editing != nil {
		lines = append(lines, r.editing.view(min(w, 100)))
	} else {
		it := r.items[r.cursor]
		lines = append(lines, wrap(fmt.Sprintf(t.PlanBasis, it.Line, it.Basis), w, 2)...)
		if r.err != "" {
			lines = append(lines, st.Error.Render(cells.Cut(r.err, w)))
		}
		lines = append(lines, st.Muted.Render(cells.Cut(t.PlanKeys, w)))
	}
	return strings.Join(lines, "\n")
}

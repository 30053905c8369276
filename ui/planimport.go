package ui

import (
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
// line: a work plan is a few pages, a Word file of one a few megabytes.
const maxPlanBytes = plan.MaxFile

// planSource is the first step of i: the path of a plan file, or pasted text.
type planSource struct {
	f    *form
	year int
	w    int
}

func newPlanSource(c *common, year int) *planSource {
	p := &planSource{f: &form{c: c}, year: year}
	p.f.title = fmt.Sprintf(c.t.PlanTitle, year)
	p.f.text("path", c.t.PlanPath, "")
	p.f.fields[0].hint = c.t.PlanPathHint
	return p
}

type planReadMsg struct {
	from   *planSource // the dialog that asked
	doc    plan.Document
	source string
	err    error
}

// SetSize: the dialog is at most 100 cells wide.
func (p *planSource) SetSize(w, _ int) { p.w = min(w, 100) }

// Update takes a path, or pasted text: several lines are the plan itself;
// one line is typed into the path. The file is read in a command; what it
// brings is reviewed in the next step.
func (p *planSource) Update(msg tea.Msg) (Component, tea.Cmd) {
	switch msg := msg.(type) {
	case planReadMsg:
		if msg.from != p {
			return p, nil
		}
		p.f.busy = false
		switch {
		case msg.err != nil:
			p.f.setError("path", p.f.c.errText(msg.err))
		case len(msg.doc.Candidates) == 0:
			p.f.setError("path", fmt.Sprintf(p.f.c.t.PlanNone, msg.source))
		default:
			p.f.c.post(openPlanMsg{msg.doc, msg.source, p.year})
		}
		return p, nil
	case tea.PasteMsg:
		// Terminals send pasted line ends as CR as often as LF.
		text := strings.ReplaceAll(strings.ReplaceAll(msg.Content, "\r\n", "\n"), "\r", "\n")
		if strings.Contains(strings.TrimSpace(text), "\n") && !p.f.busy {
			p.f.busy = true
			source := p.f.c.t.PlanPasted
			return p, func() tea.Msg { return planReadMsg{from: p, doc: plan.Analyze(text), source: source} }
		}
	}
	var cmd tea.Cmd
	submitted := false
	cmd = p.f.step(msg, func() { submitted = true })
	if !submitted {
		return p, cmd
	}
	path := resolvePath(p.f.value("path"), "")
	if path == "" {
		p.f.setError("path", p.f.c.t.PlanNoPath)
		return p, nil
	}
	p.f.busy = true
	return p, readPlanFile(p, path, p.f.c.t)
}

// ShortHelp: the dialog draws its own hint line.
func (p *planSource) ShortHelp() []key.Binding { return nil }

// FullHelp is the dialog's keys.
func (p *planSource) FullHelp() [][]key.Binding { return p.f.fullHelp() }

// View draws the dialog.
func (p *planSource) View() string { return p.f.view(p.w) }

// readPlanFile reads, decodes and analyses a plan file in a command.
func readPlanFile(from *planSource, path string, t *Text) tea.Cmd {
	return func() tea.Msg {
		fail := func(format string) tea.Msg {
			return planReadMsg{from: from, err: errors.New(fmt.Sprintf(format, model.CleanLine(path)))}
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
			return planReadMsg{from: from, err: err}
		}
		return planReadMsg{from: from, doc: plan.Analyze(text), source: model.CleanLine(path)}
	}
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
	list    scroll
	editing *form // the selected candidate being edited, or nil
	busy    bool
	err     string
	w, h    int
}

func newPlanReview(c *common, year int, doc plan.Document, source string) *planReview {
	have := map[string]bool{}
	if c.data != nil && c.data.year == year {
		for _, dy := range c.data.status.Duties {
			have[dy.Duty.Title] = true
		}
	}
	r := &planReview{c: c, year: year, doc: doc, source: source}
	for _, c := range doc.Candidates {
		r.items = append(r.items, planItem{Candidate: c, on: !have[c.Title], exists: have[c.Title]})
	}
	r.list.setLen(len(r.items))
	return r
}

// SetSize hands the review its size.
func (r *planReview) SetSize(w, h int) { r.w, r.h = w, h }

func (r *planReview) checked() int {
	n := 0
	for _, it := range r.items {
		if it.on {
			n++
		}
	}
	return n
}

// Update ticks, edits and moves through the proposed duties; enter asks
// to add the ticked ones.
func (r *planReview) Update(msg tea.Msg) (Component, tea.Cmd) {
	if m, ok := msg.(failedMsg); ok {
		r.busy = false
		r.err = r.c.errText(m.err)
		return r, nil
	}
	if r.busy {
		return r, nil
	}
	if r.editing != nil {
		return r, r.updateEdit(msg)
	}
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	k := r.c.keys.Review
	switch {
	case r.list.keys(r.c.keys.List, press):
	case key.Matches(press, k.Cancel):
		r.c.post(closeMsg{})
	case key.Matches(press, k.Toggle):
		r.items[r.list.cursor].on = !r.items[r.list.cursor].on
	case key.Matches(press, k.All):
		all := r.checked() < len(r.items)
		for i := range r.items {
			r.items[i].on = all
		}
	case key.Matches(press, k.Edit):
		r.editing = r.editForm(r.items[r.list.cursor].Candidate)
	case key.Matches(press, k.Accept):
		r.accept()
	}
	return r, nil
}

// ShortHelp: the review draws its own hint line.
func (r *planReview) ShortHelp() []key.Binding { return nil }

// FullHelp is the review's keys.
func (r *planReview) FullHelp() [][]key.Binding {
	k, l := r.c.keys.Review, r.c.keys.List
	return [][]key.Binding{{l.Up, l.Down, l.Top, l.Bottom}, {k.Toggle, k.All, k.Edit, k.Accept, k.Cancel}}
}

// editForm edits the selected candidate's title, category, cadence and minimum.
func (r *planReview) editForm(c plan.Candidate) *form {
	t := r.c.t
	f := &form{c: r.c, title: t.PlanEdit}
	f.text("title", t.Title, c.Title)
	cads, chosen := cadenceNames(r.c.lang, c.Cadence)
	f.choice("category", t.Category, categoryNames(r.c.lang), c.Category.Rank())
	f.choice("cadence", t.Cadence, cads, chosen)
	f.text("min", t.Min, strconv.Itoa(c.Min))
	return f
}

func (r *planReview) updateEdit(msg tea.Msg) tea.Cmd {
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
			f.setError("title", r.c.errText(err))
			return nil
		}
		it := &r.items[r.list.cursor]
		it.Title, it.Category, it.Cadence, it.Min = d.Title, d.Category, model.Cadences[f.field("cadence").choice], n
		it.on = true
		r.editing = nil
	}
	return cmd
}

// accept adds the checked candidates as duties with targets for the year,
// in one transaction.
func (r *planReview) accept() {
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
		return
	}
	r.busy, r.err = true, ""
	r.c.post(addDutiesMsg{duties: ds, targets: ts, fromPlan: true})
}

// View draws the proposed duties, the selected one's source line, and the
// keys.
func (r *planReview) View() string {
	w, h := r.w, r.h
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
	// The category and the requirement get the room their words need, the
	// title the rest: a row is the marker, the box, and the three columns.
	reqW, catW := 0, 0
	for _, it := range r.items {
		catW = max(catW, cells.Width(it.Category.Name(lang)))
		reqW = max(reqW, cells.Width(model.Target{Cadence: it.Cadence, Min: it.Min}.Requirement(lang)))
	}
	reqW = min(reqW, max(8, w/4))
	titleW := max(6, w-2-4-2-catW-2-reqW)
	detail := 5
	if r.editing != nil {
		detail = 11
	}
	r.list.setRoom(h - len(lines) - detail)
	from, to := r.list.window()
	for i := from; i < to; i++ {
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
		if i == r.list.cursor {
			lines = append(lines, st.Marker.Render("> ")+st.Selected.Render(row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	lines = append(lines, "")
	if r.editing != nil {
		lines = append(lines, r.editing.view(min(w, 100)))
	} else {
		it := r.items[r.list.cursor]
		lines = append(lines, wrap(fmt.Sprintf(t.PlanBasis, it.Line, it.Basis), w, 2)...)
		if r.err != "" {
			lines = append(lines, st.Error.Render(cells.Cut(r.err, w)))
		}
		k := r.c.keys.Review
		lines = append(lines, st.Muted.Render(cells.Cut(hint(k.Toggle, k.All, k.Edit, k.Accept, k.Cancel), w)))
	}
	return strings.Join(lines, "\n")
}

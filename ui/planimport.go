package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"taizhang/data"
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
	post   string      // the officer's post from the profile
	kept   []plan.Kept // the duties the plan may restate, when read
	known  bool        // kept was read
	err    error
}

// profiler is a ledger that knows the officer's profile.
type profiler interface {
	Profile(ctx context.Context) (model.Profile, error)
}

// stander is a ledger that lists the duties a plan for a year may restate.
type stander interface {
	Standing(ctx context.Context, year int) ([]data.DutyTarget, error)
}

// keptOf reads the duties a plan for year may restate: those with a target
// in the year and the active ones without (a plan for next year, read
// before carry, restates this year's). ok is false when the ledger cannot
// say, and the year's loaded duties serve.
func keptOf(l Ledger, year int) (kept []plan.Kept, ok bool) {
	s, is := l.(stander)
	if !is {
		return nil, false
	}
	dts, err := s.Standing(context.Background(), year)
	if err != nil {
		return nil, false
	}
	for _, dt := range dts {
		if dt.Duty.ActiveIn(year) {
			kept = append(kept, plan.KeptOf(dt.Duty, dt.Target, dt.HasTarget))
		}
	}
	return kept, true
}

// postOf reads the officer's post, "" when the ledger has none to give.
func postOf(l Ledger) string {
	if p, ok := l.(profiler); ok {
		if pr, err := p.Profile(context.Background()); err == nil {
			return pr.Post
		}
	}
	return ""
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
			p.f.c.post(openPlanMsg{msg.doc, msg.source, p.year, msg.post, msg.kept, msg.known})
		}
		return p, nil
	case tea.PasteMsg:
		// Terminals send pasted line ends as CR as often as LF.
		text := strings.ReplaceAll(strings.ReplaceAll(msg.Content, "\r\n", "\n"), "\r", "\n")
		if strings.Contains(strings.TrimSpace(text), "\n") && !p.f.busy {
			p.f.busy = true
			source, l, year := p.f.c.t.PlanPasted, p.f.c.ledger, p.year
			return p, func() tea.Msg {
				kept, known := keptOf(l, year)
				return planReadMsg{from: p, doc: plan.Analyze(text), source: source, post: postOf(l), kept: kept, known: known}
			}
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
	return p, readPlanFile(p, path, p.f.c.t, p.f.c.ledger)
}

// ShortHelp: the dialog draws its own hint line.
func (p *planSource) ShortHelp() []key.Binding { return nil }

// FullHelp is the dialog's keys.
func (p *planSource) FullHelp() [][]key.Binding { return p.f.fullHelp() }

// View draws the dialog.
func (p *planSource) View() string { return p.f.view(p.w) }

// readPlanFile reads, decodes and analyses a plan file in a command.
func readPlanFile(from *planSource, path string, t *Text, l Ledger) tea.Cmd {
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
		kept, known := keptOf(l, from.year)
		return planReadMsg{from: from, doc: plan.Analyze(text), source: model.CleanLine(path), post: postOf(l), kept: kept, known: known}
	}
}

// planItem is one proposed duty under review: whether the ledger keeps it
// already (Exists, with the kept duty), whom it is for, and whether it is
// ticked (On).
type planItem struct{ plan.Review }

// planReview lists the candidates with checkboxes; the officer turns them
// on and off, edits one in place, splits one into two, merges one with a
// duty the ledger keeps, and adds the ones checked.
type planReview struct {
	c       *common
	year    int
	doc     plan.Document
	source  string
	post    string
	kept    []plan.Kept // the duties the ledger keeps, in the year or active without a target there
	items   []planItem
	list    scroll
	editing *form // the selected candidate being edited, or nil
	merging *mergeChoice
	busy    bool
	err     string
	w, h    int
}

// mergeChoice picks the kept duty a candidate is the same as: the kept
// duties best matching first, and, for a candidate merged already, "keep
// it as a new duty" on top.
type mergeChoice struct {
	kept   []plan.Kept
	undo   bool // the first row takes the candidate apart again
	cursor int
}

// newPlanReview reviews a plan's candidates against kept, the duties the
// ledger keeps; when those could not be read (known false), against the
// duties of the loaded year.
func newPlanReview(c *common, year int, doc plan.Document, source, post string, kept []plan.Kept, known bool) *planReview {
	r := &planReview{c: c, year: year, doc: doc, source: source, post: post, kept: kept}
	if !known && c.data != nil && c.data.year == year {
		for _, dy := range c.data.status.Duties {
			if dy.Duty.ActiveIn(year) {
				r.kept = append(r.kept, plan.KeptOf(dy.Duty, dy.Target, true))
			}
		}
	}
	for _, rv := range plan.ReviewAll(doc.Candidates, r.kept, post) {
		r.items = append(r.items, planItem{rv})
	}
	r.list.setLen(len(r.items))
	return r
}

// SetSize hands the review its size.
func (r *planReview) SetSize(w, h int) { r.w, r.h = w, h }

func (r *planReview) checked() int {
	n := 0
	for _, it := range r.items {
		if it.On {
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
	if r.merging != nil {
		r.updateMerge(press)
		return r, nil
	}
	k := r.c.keys.Review
	switch {
	case r.list.keys(r.c.keys.List, press):
	case key.Matches(press, k.Cancel):
		r.c.post(closeMsg{})
	case key.Matches(press, k.Toggle):
		r.items[r.list.cursor].On = !r.items[r.list.cursor].On
	case key.Matches(press, k.All):
		all := r.checked() < len(r.items)
		for i := range r.items {
			r.items[i].On = all
		}
	case key.Matches(press, k.Edit):
		r.editing = r.editForm(r.items[r.list.cursor].Candidate)
	case key.Matches(press, k.Split):
		r.split()
	case key.Matches(press, k.Merge):
		r.err = ""
		it := r.items[r.list.cursor]
		if len(r.kept) == 0 {
			r.err = fmt.Sprintf(r.c.t.PlanNoKept, r.year)
			break
		}
		r.merging = &mergeChoice{kept: plan.Rank(it.Candidate, r.kept), undo: it.Exists}
	case key.Matches(press, k.Accept):
		r.accept()
	}
	return r, nil
}

// split makes the selected candidate two, with its cadence, minimum and
// basis: a title joining two things (参加A和B, A、B) is cut between them;
// any other is copied, and the copy opened for editing.
func (r *planReview) split() {
	r.err = ""
	i := r.list.cursor
	it := r.items[i]
	one, two, ok := plan.SplitTitle(it.Title)
	first, second := it, it
	first.Exists, second.Exists = false, false
	first.Renew, second.Renew = false, false
	first.On, second.On = it.Fits, it.Fits
	if ok {
		first.Title, second.Title = one, two
		first.Category, second.Category = plan.CategoryOf(one), plan.CategoryOf(two)
	}
	r.items = append(r.items[:i], append([]planItem{first, second}, r.items[i+1:]...)...)
	r.list.setLen(len(r.items))
	r.list.move(1)
	if !ok {
		r.editing = r.editForm(second.Candidate)
		return
	}
	r.rematch(i)
	r.rematch(i + 1)
}

// rematch matches the item at i again, after its words changed, against
// the kept duties no other item is marked as: a part that names a kept
// duty is marked kept and left unticked, as the first reading marks one.
func (r *planReview) rematch(i int) {
	var free []plan.Kept
	for _, k := range r.kept {
		if !slices.ContainsFunc(r.items, func(it planItem) bool { return it.Exists && it.Kept.ID == k.ID }) {
			free = append(free, k)
		}
	}
	on := r.items[i].On
	r.items[i] = planItem{plan.ReviewAll([]plan.Candidate{r.items[i].Candidate}, free, r.post)[0]}
	if r.items[i].Exists && !r.items[i].Renew {
		r.items[i].On = false
	} else {
		r.items[i].On = on
	}
}

// updateMerge moves through the kept duties and takes one, or leaves.
func (r *planReview) updateMerge(press tea.KeyPressMsg) {
	m := r.merging
	n := len(m.kept)
	if m.undo {
		n++
	}
	switch {
	case navigate(r.c.keys.List, press, func(d int) { m.cursor = max(0, min(n-1, m.cursor+d)) }, 5, n):
	case key.Matches(press, r.c.keys.Review.Cancel):
		r.merging = nil
	case key.Matches(press, r.c.keys.List.Open):
		it := &r.items[r.list.cursor]
		k := m.cursor
		if m.undo {
			k--
		}
		if k < 0 {
			it.Exists, it.Kept, it.Renew, it.On = false, plan.Kept{}, false, it.Fits
		} else {
			kk := m.kept[k]
			it.Exists, it.Kept, it.Renew, it.On = true, kk, !kk.InYear, !kk.InYear && it.Fits
		}
		r.merging = nil
	}
}

// ShortHelp: the review draws its own hint line.
func (r *planReview) ShortHelp() []key.Binding { return nil }

// FullHelp is the review's keys.
func (r *planReview) FullHelp() [][]key.Binding {
	k, l := r.c.keys.Review, r.c.keys.List
	return [][]key.Binding{{l.Up, l.Down, l.Top, l.Bottom}, {k.Toggle, k.All, k.Edit, k.Split, k.Merge, k.Accept, k.Cancel}}
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
		it.On, it.Exists, it.Renew = true, false, false
		r.rematch(r.list.cursor)
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
		if !it.On {
			continue
		}
		ds = append(ds, it.Duty())
		ts = append(ts, it.Target(r.year))
	}
	if len(ds) == 0 {
		r.err = r.c.t.PlanNoneChecked
		return
	}
	r.busy, r.err = true, ""
	r.c.post(addDutiesMsg{duties: ds, targets: ts, fromPlan: true})
}

// View draws the proposed duties, the selected one's source line and
// what it is (kept already, for whom), and the keys.
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
	// what goes under the list: the form, the merge choice, or the
	// selected duty's source and state, then the keys
	var below []string
	switch {
	case r.editing != nil:
		below = append(below, r.editing.view(min(w, 100)))
	case r.merging != nil:
		below = append(below, r.mergeView(w, max(3, h/3))...)
	default:
		it := r.items[r.list.cursor]
		below = append(below, wrap(fmt.Sprintf(t.PlanBasis, it.Line, it.Basis), w, 2)...)
		if s := r.state(it); s != "" {
			for _, line := range wrap(s, w, 2) {
				below = append(below, st.Muted.Render(line))
			}
		}
		if r.err != "" {
			below = append(below, st.Error.Render(cells.Cut(r.err, w)))
		}
		k, l := r.c.keys.Review, r.c.keys.List
		ends := key.NewBinding(key.WithKeys("g", "G"), key.WithHelp(l.Top.Help().Key+"/"+l.Bottom.Help().Key, t.KeyEnds))
		for _, line := range hintLines(w, k.Toggle, k.All, k.Edit, k.Split, k.Merge, ends, k.Accept, k.Cancel) {
			below = append(below, st.Muted.Render(line))
		}
	}
	// The category and the requirement get the room their words need, the
	// title the rest: a row is the marker, the box, and the three columns.
	reqW, catW := 0, 0
	for _, it := range r.items {
		catW = max(catW, cells.Width(it.Category.Name(lang)))
		reqW = max(reqW, cells.Width(it.Target(r.year).Requirement(lang)))
	}
	reqW = min(reqW, max(8, w/4))
	titleW := max(6, w-2-4-2-catW-2-reqW)
	r.list.setRoom(h - len(lines) - 1 - strings.Count(strings.Join(below, "\n"), "\n") - 1)
	from, to := r.list.window()
	for i := from; i < to; i++ {
		it := r.items[i]
		box := "[ ] "
		if it.On {
			box = "[x] "
		}
		tag := ""
		switch {
		case it.Renew:
			tag = t.PlanRenewTag
		case it.Exists:
			tag = t.PlanExists
		case it.Twin > 0:
			tag = t.PlanTwinTag
		case !it.Fits:
			tag = t.PlanNotYoursTag
		}
		// the tag stays whole when a long title is cut
		title := cells.Fit(cells.Cut(it.Title, max(2, titleW-cells.Width(tag)))+tag, titleW)
		req := it.Target(r.year).Requirement(lang)
		row := box + title + "  " + cells.Fit(it.Category.Name(lang), catW) + "  " + cells.Cut(req, reqW)
		if i == r.list.cursor {
			lines = append(lines, st.Marker.Render("> ")+st.Selected.Render(row))
		} else {
			lines = append(lines, "  "+row)
		}
	}
	lines = append(lines, "")
	lines = append(lines, below...)
	return strings.Join(lines, "\n")
}

// state says what a proposed duty is beyond its words: kept already (under
// which title), or for whom the plan means it, and whether that is the
// officer.
func (r *planReview) state(it planItem) string {
	t := r.c.t
	s := ""
	switch {
	case it.Renew:
		s = fmt.Sprintf(t.PlanRenew, it.Kept.Title, r.year)
	case it.Exists:
		s = fmt.Sprintf(t.PlanKept, it.Kept.Title)
	case it.Twin > 0:
		s = fmt.Sprintf(t.PlanTwin, it.Twin)
	case !it.Fits:
		s = fmt.Sprintf(t.PlanNotYours, it.Addressee, r.post)
	case it.Addressee != "":
		s = fmt.Sprintf(t.PlanFor, it.Addressee)
	}
	if it.Also.Min > 0 {
		also := model.Target{Cadence: it.Also.Cadence, Min: it.Also.Min}.Requirement(r.c.lang)
		now := it.Target(r.year).Requirement(r.c.lang)
		if s != "" {
			s += clauseSep(r.c.lang)
		}
		s += fmt.Sprintf(t.PlanAlso, also, now)
	}
	return s
}

// mergeView lists the kept duties to merge the selected one with.
func (r *planReview) mergeView(w, room int) []string {
	t, st, lang := r.c.t, r.c.st, r.c.lang
	m := r.merging
	rows := []string{}
	if m.undo {
		rows = append(rows, t.PlanMergeNone)
	}
	reqW := 0
	for _, k := range m.kept {
		reqW = max(reqW, cells.Width(model.Target{Cadence: k.Cadence, Min: k.Min, Each: k.Each}.Requirement(lang)))
	}
	reqW = min(reqW, max(8, w/4))
	for _, k := range m.kept {
		req := model.Target{Cadence: k.Cadence, Min: k.Min, Each: k.Each}.Requirement(lang)
		rows = append(rows, cells.Fit(k.Title, max(6, w-2-2-reqW))+"  "+cells.Cut(req, reqW))
	}
	lines := []string{st.Title.Render(cells.Cut(fmt.Sprintf(t.PlanMergeTitle, r.items[r.list.cursor].Title), w))}
	from := max(0, min(m.cursor-room/2, len(rows)-room))
	for i := from; i < len(rows) && i < from+room; i++ {
		if i == m.cursor {
			lines = append(lines, st.Marker.Render("> ")+st.Selected.Render(rows[i]))
		} else {
			lines = append(lines, "  "+rows[i])
		}
	}
	k, l := r.c.keys.Review, r.c.keys.List
	choose := key.NewBinding(key.WithKeys("enter"), key.WithHelp(l.Open.Help().Key, k.Merge.Help().Desc))
	for _, line := range hintLines(w, l.Up, l.Down, choose, k.Cancel) {
		lines = append(lines, st.Muted.Render(line))
	}
	return lines
}

// clauseSep joins two clauses of a note.
func clauseSep(lang model.Lang) string {
	if lang == model.English {
		return "; "
	}
	return "；"
}

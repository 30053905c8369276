package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"taizhang/data"
	"taizhang/model"
	"taizhang/model/plan"
	"taizhang/ui/cells"
)

// maxPlanBytes bounds what plan reads: a work plan is a few pages, a Word
// file of one with pictures a few megabytes, and a file many times that
// size is not one. Plain text is held to a smaller bound by plan.Decode.
const maxPlanBytes = plan.MaxFile

// PlanCmd proposes the duties a plan text states, and adds them on --apply.
type PlanCmd struct {
	File  string `arg:"" predictor:"file" placeholder:"FILE" help:"工作计划：Word 文件（.docx）或文本（UTF-8、GB18030 等），- 表示标准输入 / the plan: a Word file (.docx) or a text (UTF-8, GB18030 …), - for standard input"`
	Year  int    `help:"添加到哪一年（默认今年） / year to add the duties to (default: this year)"`
	JSON  bool   `name:"json" xor:"plan" help:"输出 JSON / print JSON"`
	Apply bool   `xor:"plan" help:"把勾选的事项添加到台账（已有的跳过） / add the ticked duties to the ledger (those already kept are skipped)"`
	All   bool   `help:"连同写给其他职务的事项一并添加 / with --apply, add the duties addressed to other posts too"`
}

// Run reads the text, then previews, prints or adds the duties. The file is
// read and decoded before the ledger is opened, so a bad file writes nothing.
func (c *PlanCmd) Run(a *App) error {
	c.File = typedPath(c.File)
	year, err := a.yearOr(c.Year)
	if err != nil {
		return err
	}
	b, err := c.read(a)
	if err != nil {
		return err
	}
	text, err := plan.Decode(b)
	if err != nil {
		return err
	}
	doc := plan.Analyze(text)
	if c.Apply && len(doc.Candidates) == 0 {
		a.Printf("%s", fmt.Sprintf(a.txt().PlanNoneUnchanged, c.name(a)))
		return nil
	}
	rs, post, err := c.review(a, doc.Candidates, year)
	if err != nil {
		return err
	}
	switch {
	case c.JSON:
		return a.writeJSON(planJSON(rs))
	case c.Apply:
		return c.apply(a, rs, year, post)
	}
	a.Printf("%s", c.preview(a, doc, rs, year, post))
	return nil
}

// review compares the candidates with the duties the ledger keeps (in the
// year, or active without a target there) and with the officer's post. A preview opens only a ledger that is
// there; without one nothing is kept and no post is known.
func (c *PlanCmd) review(a *App, cs []plan.Candidate, year int) ([]plan.Review, string, error) {
	open := a.Existing
	if c.Apply {
		open = a.Store
	}
	s, err := open()
	if errors.Is(err, data.ErrNoLedger) {
		return plan.ReviewAll(cs, nil, ""), "", nil
	}
	if err != nil {
		return nil, "", err
	}
	dts, err := s.Standing(ctxb, year)
	if err != nil {
		return nil, "", err
	}
	p, err := s.Profile(ctxb)
	if err != nil {
		return nil, "", err
	}
	var kept []plan.Kept
	for _, dt := range dts {
		if dt.Duty.ActiveIn(year) {
			kept = append(kept, plan.KeptOf(dt.Duty, dt.Target, dt.HasTarget))
		}
	}
	return plan.ReviewAll(cs, kept, p.Post), p.Post, nil
}

// note says why a candidate is unticked, or whom it is for, and what
// else its sentence said of it.
func note(a *App, r plan.Review, year int) string {
	s := ""
	switch {
	case r.Renew:
		s = fmt.Sprintf(a.txt().PlanRenew, r.Kept.Title, year)
	case r.Exists:
		s = a.txt().PlanKept + r.Kept.Title
	case r.Twin > 0:
		s = fmt.Sprintf(a.txt().PlanTwin, r.Twin)
	case !r.Fits:
		s = a.txt().PlanNotYours + r.Addressee
	case r.Addressee != "":
		s = a.txt().PlanFor + r.Addressee
	}
	if r.Also.Min > 0 {
		if s != "" {
			s += clauseSep(a.Lang)
		}
		also := model.Target{Cadence: r.Also.Cadence, Min: r.Also.Min}.Requirement(a.Lang)
		kept := r.Target(year).Requirement(a.Lang)
		s += fmt.Sprintf(a.txt().PlanAlso, also, kept)
	}
	return s
}

// name is how messages call the input.
func (c *PlanCmd) name(a *App) string {
	if c.File == "-" {
		return a.txt().StandardInput
	}
	return model.CleanLine(c.File)
}

// read returns the bytes of FILE or of standard input. Every way it can
// fail is the user's to fix, so each is an input error with one sentence.
func (c *PlanCmd) read(a *App) ([]byte, error) {
	r := a.Stdin
	if c.File != "-" {
		name := c.name(a)
		fi, err := os.Stat(c.File)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, a.Bad(a.txt().NoSuchFile, name)
		case err != nil:
			return nil, a.Bad(a.txt().CannotRead, name, reason(err))
		case fi.IsDir():
			return nil, a.Bad(a.txt().PlanIsDir, name)
		}
		f, err := os.Open(c.File)
		if err != nil {
			return nil, a.Bad(a.txt().CannotReadPerm, name, reason(err))
		}
		defer f.Close()
		r = f
	}
	if r == nil {
		r = eofReader{}
	}
	b, err := io.ReadAll(io.LimitReader(r, maxPlanBytes+1))
	if err != nil {
		return nil, a.Bad(a.txt().ReadFailed, c.name(a), reason(err))
	}
	if len(b) > maxPlanBytes {
		return nil, a.Bad(a.txt().PlanTooBig, c.name(a))
	}
	return b, nil
}

// reason is the part of an error that says what went wrong, without the
// path the message already names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return model.CleanLine(err.Error())
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// planOut is the public shape of plan --json. checked is whether the
// duty would be added; unchecked says why not: "kept" (the ledger keeps
// it as existing), "twin" (an earlier duty of the plan has its title) or
// "addressee" (the plan addresses it to another post).
type planOut struct {
	Title     string      `json:"title"`
	Category  string      `json:"category"`
	Cadence   string      `json:"cadence"`
	Min       int         `json:"min"`
	Basis     string      `json:"basis"`
	Line      int         `json:"line"`
	Addressee string      `json:"addressee,omitempty"`
	Role      string      `json:"role,omitempty"`
	Checked   bool        `json:"checked"`
	Unchecked string      `json:"unchecked,omitempty"`
	Existing  *planExists `json:"existing,omitempty"`
	// SameAs is the line of an earlier duty of the same title (unchecked
	// "twin"); Also the sentence's other reading of the duty, left out
	// for the stricter one.
	SameAs int `json:"same_as_line,omitempty"`
	// Each is the group a talk is owed to each person of.
	Each string    `json:"each,omitempty"`
	Also *planAlso `json:"also,omitempty"`
}

type planAlso struct {
	Cadence string `json:"cadence"`
	Min     int    `json:"min"`
}

// planExists is the kept duty a candidate restates; new_target says that
// it has no target in the year and, checked, is given the plan's.
type planExists struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	NewTarget bool   `json:"new_target,omitempty"`
}

func planJSON(rs []plan.Review) []planOut {
	out := []planOut{}
	for _, r := range rs {
		o := planOut{Title: r.Title, Category: string(r.Category), Cadence: string(r.Cadence), Min: r.Min, Basis: r.Basis,
			Line: r.Line, Addressee: r.Addressee, Role: string(r.Role), Checked: r.On}
		switch {
		case r.Renew:
			o.Existing = &planExists{r.Kept.ID, r.Kept.Title, true}
			if !r.Fits {
				o.Unchecked = "addressee"
			}
		case r.Exists:
			o.Unchecked, o.Existing = "kept", &planExists{ID: r.Kept.ID, Title: r.Kept.Title}
		case r.Twin > 0:
			o.Unchecked, o.SameAs = "twin", r.Twin
		case !r.Fits:
			o.Unchecked = "addressee"
		}
		if r.Also.Min > 0 {
			o.Also = &planAlso{string(r.Also.Cadence), r.Also.Min}
		}
		o.Each = r.Each
		out = append(out, o)
	}
	return out
}

// preview is the table of candidates with a line on what the text is and
// how to add them.
func (c *PlanCmd) preview(a *App, doc plan.Document, rs []plan.Review, year int, post string) string {
	name := c.name(a)
	if len(rs) == 0 {
		return fmt.Sprintf(a.txt().PlanNone, name)
	}
	on, kept, others, renew, twins := 0, 0, 0, 0, 0
	for _, r := range rs {
		switch {
		case r.On:
			on++
			if r.Renew {
				renew++
			}
		case r.Exists && !r.Renew:
			kept++
		case r.Twin > 0:
			twins++
		default:
			others++
		}
	}
	s := fmt.Sprintf(a.txt().PlanFound, name, len(rs), on)
	s += a.txt().ColonEnd
	if doc.Kind == plan.KindReport {
		s += a.txt().PlanIsReport
	}
	if doc.Year != 0 && doc.Year != year && c.Year == 0 {
		s += fmt.Sprintf(a.txt().PlanOtherYear, doc.Year, year)
	}
	rows := [][]string{{"", a.txt().ColLine, a.txt().ColCategory, a.txt().ColDuty, a.txt().ColRequirement, a.txt().ColPlanNote, a.txt().ColBasis}}
	for _, r := range rs {
		box := "[ ]"
		if r.On {
			box = "[x]"
		}
		req := r.Target(year).Requirement(a.Lang)
		rows = append(rows, []string{box, fmt.Sprint(r.Line), r.Category.Name(a.Lang), r.Title, req, note(a, r, year), r.Basis})
	}
	s += "\n" + cells.Table(rows, []int{0, 0, 0, 28, 0, 30, 26}, 0) + "\n"
	s += fmt.Sprintf(a.txt().PlanApplyHint, on, year)
	if renew > 0 {
		s += fmt.Sprintf(a.txt().PlanRenewHint, renew)
	}
	if kept > 0 {
		if kept == 1 {
			s += a.txt().PlanKeptOne
		} else {
			s += fmt.Sprintf(a.txt().PlanKeptSkipped, kept)
		}
	}
	if twins > 0 {
		s += fmt.Sprintf(a.txt().PlanTwinsSkipped, twins)
	}
	if others > 0 {
		s += fmt.Sprintf(a.txt().PlanOthers, post, others)
	}
	s += a.txt().PlanReviewHint
	if post == "" && others == 0 && hasAddressee(rs) {
		s += a.txt().PlanPostTip
	}
	return s
}

func hasAddressee(rs []plan.Review) bool {
	for _, r := range rs {
		if r.Addressee != "" {
			return true
		}
	}
	return false
}

// apply adds the ticked candidates (with --all those addressed to other
// posts too) as duties with targets for year, in one transaction, and says
// what it left out.
func (c *PlanCmd) apply(a *App, rs []plan.Review, year int, post string) error {
	var ds []model.Duty
	var ts []model.Target
	var kept, others, twins []string
	for _, r := range rs {
		switch {
		case r.Exists && !r.Renew:
			kept = append(kept, r.Kept.Title)
			continue
		case r.Twin > 0:
			twins = append(twins, r.Title)
			continue
		case !r.Fits && !c.All:
			others = append(others, r.Title)
			continue
		}
		ds = append(ds, r.Duty())
		ts = append(ts, r.Target(year))
	}
	added := data.Added{}
	if len(ds) > 0 {
		s, err := a.Store()
		if err != nil {
			return err
		}
		if added, err = s.AddDuties(ctxb, ds, ts); err != nil {
			return err
		}
	}
	a.Printf(a.txt().PlanApplied, c.name(a), year, added.Added)
	if n := len(added.Given); n > 0 {
		a.Printf(a.txt().PlanGiven, n, strings.Join(cleanAll(added.Given), a.txt().ListSep))
	}
	if n := len(added.Skipped); n > 0 {
		a.Printf(a.txt().AlreadyThere, n)
	}
	if n := len(kept); n > 0 {
		a.Printf(a.txt().PlanSkippedKept, n, strings.Join(kept, a.txt().ListSep))
	}
	if n := len(twins); n > 0 {
		a.Printf(a.txt().PlanTwinsLeft, n, strings.Join(cleanAll(twins), a.txt().ListSep))
	}
	if n := len(others); n > 0 {
		a.Printf(a.txt().PlanLeftOut, n, post)
	}
	a.Printf("%s", a.txt().FullStop)
	return nil
}

// cleanAll is titles made safe for the terminal.
func cleanAll(titles []string) []string {
	out := make([]string, len(titles))
	for i, t := range titles {
		out[i] = model.CleanLine(t)
	}
	return out
}

// clauseSep joins two clauses of a note.
func clauseSep(lang model.Lang) string {
	if lang == model.English {
		return "; "
	}
	return "；"
}

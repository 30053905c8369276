package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

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
	File  string `arg:"" placeholder:"FILE" help:"工作计划：Word 文件（.docx）或文本（UTF-8、GB18030 等），- 表示标准输入 / the plan: a Word file (.docx) or a text (UTF-8, GB18030 …), - for standard input"`
	Year  int    `help:"添加到哪一年（默认今年） / year to add the duties to (default: this year)"`
	JSON  bool   `name:"json" xor:"plan" help:"输出 JSON / print JSON"`
	Apply bool   `xor:"plan" help:"把提取的事项添加到台账 / add the duties to the ledger"`
}

// Run reads the text, then previews, prints or adds the duties. The file is
// read and decoded before the ledger is opened, so a bad file writes nothing.
func (c *PlanCmd) Run(a *App) error {
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
	switch {
	case c.JSON:
		return a.writeJSON(planJSON(doc.Candidates))
	case c.Apply:
		return c.apply(a, doc.Candidates, year)
	}
	a.Printf("%s", c.preview(a, doc, year))
	return nil
}

// name is how messages call the input.
func (c *PlanCmd) name(a *App) string {
	if c.File == "-" {
		return a.T("标准输入", "standard input")
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
			return nil, Bad("找不到文件“%s”；请检查路径。", "There is no file %q; check the path.", name)
		case err != nil:
			return nil, Bad("无法读取文件“%s”（%s）；请检查路径和权限。", "Cannot read %q (%s); check the path and permissions.", name, reason(err))
		case fi.IsDir():
			return nil, Bad("“%s”是一个目录；请给出工作计划文件（.docx 或 .txt）的路径。", "%q is a directory; give the path of a plan file (.docx or .txt).", name)
		}
		f, err := os.Open(c.File)
		if err != nil {
			return nil, Bad("无法读取文件“%s”（%s）；请检查权限。", "Cannot read %q (%s); check its permissions.", name, reason(err))
		}
		defer f.Close()
		r = f
	}
	if r == nil {
		r = eofReader{}
	}
	b, err := io.ReadAll(io.LimitReader(r, maxPlanBytes+1))
	if err != nil {
		return nil, Bad("读取%s时出错（%s）；请确认它是一个普通文件。", "Reading %s failed (%s); make sure it is a regular file.", c.name(a), reason(err))
	}
	if len(b) > maxPlanBytes {
		return nil, Bad("%s超过 20 MB，不像是一份工作计划；请删去其中的图片或只保留计划正文。",
			"%s is larger than 20 MB, too big for a work plan; remove its pictures or keep only the plan's text.", c.name(a))
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

// planOut is the public shape of plan --json.
type planOut struct {
	Title    string `json:"title"`
	Category string `json:"category"`
	Cadence  string `json:"cadence"`
	Min      int    `json:"min"`
	Basis    string `json:"basis"`
	Line     int    `json:"line"`
}

func planJSON(cs []plan.Candidate) []planOut {
	out := []planOut{}
	for _, c := range cs {
		out = append(out, planOut{c.Title, string(c.Category), string(c.Cadence), c.Min, c.Basis, c.Line})
	}
	return out
}

// preview is the table of candidates with a line on what the text is and
// how to add them.
func (c *PlanCmd) preview(a *App, doc plan.Document, year int) string {
	name := c.name(a)
	if len(doc.Candidates) == 0 {
		return a.T(fmt.Sprintf("%s中没有找到带频次要求的事项（如“每月开展1次……”“全年不少于2次”）。\n", name),
			fmt.Sprintf("Found no duty with a frequency in %s (such as 每月开展1次… or 全年不少于2次).\n", name))
	}
	var s string
	if a.Lang == model.English {
		s = fmt.Sprintf("Found %d duties in %s", len(doc.Candidates), name)
	} else {
		s = fmt.Sprintf("从%s中找到 %d 项履职事项", name, len(doc.Candidates))
	}
	s += a.T("：\n", ":\n")
	if doc.Kind == plan.KindReport {
		s += a.T("这是一份工作总结或报告：其中记录的已开展次数不作为事项，只列出按固定频次坚持的做法和今后的安排。\n",
			"This reads as a report of past work: the counts of what was done are not duties; only practices kept at a fixed frequency and plans ahead are listed.\n")
	}
	if doc.Year != 0 && doc.Year != year && c.Year == 0 {
		s += a.T(fmt.Sprintf("文本写的是%d年；将添加到%d年，如需添加到%d年请加 --year %d。\n", doc.Year, year, doc.Year, doc.Year),
			fmt.Sprintf("The text is for %d; the duties go to %d unless you add --year %d.\n", doc.Year, year, doc.Year))
	}
	rows := [][]string{{a.T("行", "Line"), a.T("类别", "Category"), a.T("事项", "Duty"), a.T("要求", "Requirement"), a.T("依据", "Basis")}}
	for _, cd := range doc.Candidates {
		req := model.Target{Cadence: cd.Cadence, Min: cd.Min}.Requirement(a.Lang)
		rows = append(rows, []string{fmt.Sprint(cd.Line), cd.Category.Name(a.Lang), cd.Title, req, cd.Basis})
	}
	s += "\n" + cells.Table(rows, []int{0, 0, 28, 0, 36}, 0) + "\n"
	s += a.T(fmt.Sprintf("确认无误后，加 --apply 把它们添加到%d年的台账（已有同名事项的跳过）；也可在界面中逐项修改后接受。\n", year),
		fmt.Sprintf("To add them to the ledger for %d, run again with --apply (duties already there are skipped); or review them one by one in the app.\n", year))
	return s
}

// apply adds the candidates as duties with targets for year, in one
// transaction.
func (c *PlanCmd) apply(a *App, cs []plan.Candidate, year int) error {
	if len(cs) == 0 {
		a.Printf("%s", a.T(fmt.Sprintf("%s中没有找到带频次要求的事项；台账未改动。\n", c.name(a)),
			fmt.Sprintf("Found no duty with a frequency in %s; the ledger is unchanged.\n", c.name(a))))
		return nil
	}
	ds := make([]model.Duty, len(cs))
	ts := make([]model.Target, len(cs))
	for i, cd := range cs {
		ds[i] = model.Duty{Title: cd.Title, Category: cd.Category, Basis: cd.Basis}
		ts[i] = model.Target{Year: year, Cadence: cd.Cadence, Min: cd.Min}
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	added, err := s.AddDuties(ctxb, ds, ts)
	if err != nil {
		return err
	}
	a.Printf(a.T("已从%[1]s添加%[2]d年的 %[3]d 项要求", "Added %[3]d targets for %[2]d from %[1]s"), c.name(a), year, added.Added)
	if n := len(added.Skipped); n > 0 {
		a.Printf(a.T("；%d 项已存在，未重复添加", "; %d already there were left as they were"), n)
	}
	a.Printf("%s", a.T("。\n", ".\n"))
	return nil
}

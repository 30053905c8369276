package cli

import (
	"errors"
	"strings"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// TemplateCmd groups the template commands.
type TemplateCmd struct {
	List  TemplateListCmd  `cmd:"" help:"列出内置模板 / list the built-in duty sets"`
	Apply TemplateApplyCmd `cmd:"" help:"按模板添加事项 / add a set's duties"`
}

// TemplateListCmd lists the built-in sets.
type TemplateListCmd struct{}

// Run prints both sets with their duties.
func (c *TemplateListCmd) Run(a *App) error {
	for i, t := range model.Templates {
		if i > 0 {
			a.Printf("\n")
		}
		a.Printf(a.txt().TemplateLine, t.Name, model.In(t.Title, a.Lang), len(t.Duties))
		rows := [][]string{{a.txt().ColCategory, a.txt().ColDuty, a.txt().ColRequirement, a.txt().ColBasis}}
		for _, d := range t.Duties {
			req := model.Target{Cadence: d.Cadence, Min: d.Min}.Requirement(a.Lang)
			rows = append(rows, []string{d.Category.Name(a.Lang), model.In(d.Title, a.Lang), req, model.In(d.Basis, a.Lang)})
		}
		a.Printf("%s", indent(cells.Table(rows, []int{0, 34, 0, 0}), "  "))
	}
	return nil
}

func indent(s, pre string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pre + l
		}
	}
	return strings.Join(lines, "")
}

// TemplateApplyCmd adds a built-in set's duties for a year.
type TemplateApplyCmd struct {
	Name   string  `arg:"" predictor:"template" help:"模板名：section-chief（科长）或 leadership（班子成员） / the set: section-chief or leadership"`
	Year   int     `help:"年度（默认今年） / year (default: this year)"`
	People *string `help:"同时填写按人计的谈话所针对的分组（科室干部或分管科室负责人）：姓名用顿号或逗号分开，同名的人写作 张伟（财务科） / also fill the group its per-person talks are owed to: names separated by commas" placeholder:"NAMES"`
}

// Run applies the set, and fills the group of its per-person duties when
// names are given, or says how to fill it.
func (c *TemplateApplyCmd) Run(a *App) error {
	t, ok := model.FindTemplate(strings.TrimSpace(c.Name))
	if !ok {
		return a.Bad(a.txt().BadTemplate, model.CleanLine(c.Name))
	}
	year, err := a.yearOr(c.Year)
	if err != nil {
		return err
	}
	ds, ts := t.Build(year, a.Lang)
	groups := model.EachGroups(ts)
	var fill []data.GroupFill
	if c.People != nil {
		if len(groups) != 1 {
			return a.Bad(a.txt().TemplateNoEach, model.In(t.Title, a.Lang))
		}
		ps, err := model.ParseNames(*c.People)
		if err != nil {
			return err
		}
		// Each name is checked before the ledger is opened (it may not
		// exist yet), against the list itself; then against the roster.
		var r model.Roster
		for i, p := range ps {
			p.ID = int64(i + 1)
			if err := r.NormalizePerson(&p); err != nil {
				return err
			}
			r.People = append(r.People, p)
		}
		fill = []data.GroupFill{{Group: groups[0], People: ps}}
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	if fill != nil {
		// The people are checked before anything is written: a name
		// refused leaves the ledger as it was, duties included.
		if p, err := s.Profile(ctxb); err == nil && p.Start.Year() == year {
			fill[0].From = p.Start // in the group from the post start date, as the duties count
		}
		if err := s.CheckFill(ctxb, fill); err != nil {
			return err
		}
	}
	added, err := s.AddDuties(ctxb, ds, ts)
	if err != nil {
		return err
	}
	a.Printf(a.txt().TemplateApplied, model.In(t.Title, a.Lang), year, added.Added)
	if n := len(added.Skipped); n > 0 {
		a.Printf(a.txt().AlreadyThere, n)
	}
	a.Printf("%s", a.txt().FullStop)
	if fill != nil {
		done, err := s.FillGroups(ctxb, fill)
		if err != nil {
			return err
		}
		var names []string
		for _, p := range fill[0].People {
			names = append(names, model.CleanLine(p.Name))
			if p.Note != "" {
				names[len(names)-1] = model.Disambiguated(names[len(names)-1], model.CleanLine(p.Note))
			}
		}
		a.Printf(a.txt().TemplateFilled, model.CleanLine(fill[0].Group), len(done.Added)+len(done.Joined), strings.Join(names, a.txt().ListSep))
		return nil
	}
	r, err := s.Roster(ctxb)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if len(r.MembersOf(g)) == 0 {
			a.Printf(a.txt().TemplateGroupEmpty, model.CleanLine(g), shellWord(model.CleanLine(g)), c.Name)
		}
	}
	return nil
}

// CarryCmd copies one year's targets to another.
type CarryCmd struct {
	From int `required:"" help:"从哪一年 / source year"`
	To   int `required:"" help:"到哪一年 / target year"`
}

// Run copies the targets.
func (c *CarryCmd) Run(a *App) error {
	for _, y := range []int{c.From, c.To} {
		if _, err := a.yearOr(y); err != nil || y == 0 {
			return a.Bad(a.txt().BadCarryYear, y)
		}
	}
	if c.From == c.To {
		return a.Bad(a.txt().CarrySameYear, c.From)
	}
	s, err := a.Existing()
	if err != nil {
		return err
	}
	src, err := s.YearDuties(ctxb, c.From)
	if err != nil {
		return err
	}
	if len(src) == 0 {
		return a.Bad(a.txt().CarryNothing, c.From)
	}
	added, err := s.Carry(ctxb, c.From, c.To)
	if err != nil {
		return err
	}
	a.Printf(a.txt().Carried, c.From, added.Added, c.To)
	if n := len(added.Skipped); n > 0 {
		a.Printf(a.txt().CarryKept, n, c.To)
	}
	a.Printf("%s", a.txt().FullStop)
	return nil
}

// BackupCmd copies the ledger.
type BackupCmd struct {
	File string `arg:"" predictor:"file" help:"备份文件路径（不能已存在） / backup file (must not exist)"`
}

// Run writes the backup.
func (c *BackupCmd) Run(a *App) error {
	c.File = fullPath(c.File)
	s, err := a.Existing()
	if err != nil {
		return err
	}
	if err := s.Backup(ctxb, c.File); err != nil {
		return err
	}
	a.Printf(a.txt().BackedUp, model.CleanLine(c.File))
	return nil
}

// RestoreCmd replaces the ledger with a backup.
type RestoreCmd struct {
	File string `arg:"" predictor:"file" help:"备份文件路径 / backup file"`
}

// Run restores the backup.
func (c *RestoreCmd) Run(a *App) error {
	c.File = fullPath(c.File)
	if err := data.Inspect(c.File); err != nil {
		return err
	}
	s, err := a.Store()
	damaged := ""
	if errors.Is(err, data.ErrDamaged) {
		// The ledger a backup is meant to replace may be the broken one:
		// set every file of it aside and restore into a fresh ledger.
		if damaged, err = data.SetAside(data.ResolvePath(a.db)); err != nil {
			return err
		}
		s, err = a.Store()
	}
	if err != nil {
		return err
	}
	r, err := s.Restore(ctxb, c.File)
	if err != nil {
		return err
	}
	if r.Damaged != "" {
		damaged = r.Damaged
	}
	if damaged != "" {
		a.Note(a.txt().DamagedMoved, model.CleanLine(damaged))
	}
	file := model.CleanLine(c.File)
	switch {
	case r.Aside != "":
		a.Printf(a.txt().RestoredAside, file, model.CleanLine(r.Aside))
	default:
		a.Printf(a.txt().Restored, file)
	}
	return nil
}

// DemoCmd fills an empty ledger with sample data.
type DemoCmd struct {
	Years   int    `default:"2" help:"年数（截至今年） / years, ending this year"`
	Duties  int    `default:"33" help:"事项数 / duties"`
	Records int    `default:"500" help:"记录数 / records"`
	Seed    uint64 `default:"1" hidden:""`
}

// Run generates and writes the sample.
func (c *DemoCmd) Run(a *App) error {
	switch {
	case c.Years < 1 || c.Years > 50:
		return a.Bad(a.txt().BadDemoYears, c.Years)
	case c.Duties < 1 || c.Duties > 5000:
		return a.Bad(a.txt().BadDemoDuties, c.Duties)
	case c.Records < 0 || c.Records > 2000000:
		return a.Bad(a.txt().BadDemoRecords, c.Records)
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	if empty, err := s.Empty(ctxb); err != nil {
		return err
	} else if !empty {
		return a.Bad(a.txt().DemoNotEmpty, model.CleanLine(s.Path()))
	}
	dl := model.Demo(model.DemoOptions{Years: c.Years, Duties: c.Duties, Records: c.Records, Today: a.Today(), Seed: c.Seed})
	if err := s.FillDemo(ctxb, dl); err != nil {
		return err
	}
	a.Printf(a.txt().DemoWritten,
		c.Years, c.Duties, c.Records, model.CleanLine(s.Path()))
	return nil
}

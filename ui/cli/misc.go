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
		a.Printf("%s  %s（%d项）\n", t.Name, model.In(t.Title, a.Lang), len(t.Duties))
		rows := [][]string{{a.T("类别", "Category"), a.T("事项", "Duty"), a.T("要求", "Requirement"), a.T("依据", "Basis")}}
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
	Name string `arg:"" predictor:"template" help:"模板名：section-chief（科长）或 leadership（班子成员） / the set: section-chief or leadership"`
	Year int    `help:"年度（默认今年） / year (default: this year)"`
}

// Run applies the set.
func (c *TemplateApplyCmd) Run(a *App) error {
	t, ok := model.FindTemplate(strings.TrimSpace(c.Name))
	if !ok {
		return Bad("没有名为“%s”的模板；可用 section-chief（科长）或 leadership（班子成员）。",
			"There is no template %q; use section-chief or leadership.", model.CleanLine(c.Name))
	}
	year, err := a.yearOr(c.Year)
	if err != nil {
		return err
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	ds, ts := t.Build(year, a.Lang)
	added, err := s.AddDuties(ctxb, ds, ts)
	if err != nil {
		return err
	}
	a.Printf(a.T("已按“%s”模板添加%d年的 %d 项要求", "Added %[3]d targets for %[2]d from the %[1]s set"), model.In(t.Title, a.Lang), year, added.Added)
	if n := len(added.Skipped); n > 0 {
		a.Printf(a.T("；%d 项已存在，未重复添加", "; %d already there were left as they were"), n)
	}
	a.Printf("%s", a.T("。\n", ".\n"))
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
			return Bad("年份 %d 无效；请给出四位年份，如 --from 2026 --to 2027。", "The year %d is not valid; give four-digit years such as --from 2026 --to 2027.", y)
		}
	}
	if c.From == c.To {
		return Bad("--from 与 --to 是同一年（%d）；请给出两个不同的年份。", "--from and --to are the same year (%d); give two different years.", c.From)
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
		return Bad("%d年没有任何年度要求，无可复制；用 taizhang duty list --year %[1]d 查看。",
			"There are no targets in %d to copy; see taizhang duty list --year %[1]d.", c.From)
	}
	added, err := s.Carry(ctxb, c.From, c.To)
	if err != nil {
		return err
	}
	a.Printf(a.T("已将%d年的 %d 项要求复制到%d年", "Copied %[2]d targets from %[1]d to %[3]d"), c.From, added.Added, c.To)
	if n := len(added.Skipped); n > 0 {
		a.Printf(a.T("；%d 项在%d年已有要求，未改动", "; %d already had a target in %d and were left alone"), n, c.To)
	}
	a.Printf("%s", a.T("。\n", ".\n"))
	return nil
}

// BackupCmd copies the ledger.
type BackupCmd struct {
	File string `arg:"" predictor:"file" help:"备份文件路径（不能已存在） / backup file (must not exist)" type:"path"`
}

// Run writes the backup.
func (c *BackupCmd) Run(a *App) error {
	s, err := a.Existing()
	if err != nil {
		return err
	}
	if err := s.Backup(ctxb, c.File); err != nil {
		return err
	}
	a.Printf(a.T("已备份到 %s\n", "Backed up to %s\n"), model.CleanLine(c.File))
	return nil
}

// RestoreCmd replaces the ledger with a backup.
type RestoreCmd struct {
	File string `arg:"" predictor:"file" help:"备份文件路径 / backup file" type:"path"`
}

// Run restores the backup.
func (c *RestoreCmd) Run(a *App) error {
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
		a.Note("原台账已损坏，其文件（连同 -wal、-shm）已原样移到 "+model.CleanLine(damaged)+"。",
			"The damaged ledger's files (with its -wal and -shm) were moved, as they were, to "+model.CleanLine(damaged)+".")
	}
	file := model.CleanLine(c.File)
	switch {
	case r.Aside != "":
		a.Printf(a.T("已从 %s 恢复台账；恢复前的台账另存为 %s\n", "Restored the ledger from %s; the ledger as it was is kept at %s\n"), file, model.CleanLine(r.Aside))
	default:
		a.Printf(a.T("已从 %s 恢复台账。\n", "Restored the ledger from %s.\n"), file)
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
		return Bad("--years %d 无效；请给出1至50。", "--years %d is not valid; give 1 to 50.", c.Years)
	case c.Duties < 1 || c.Duties > 5000:
		return Bad("--duties %d 无效；请给出1至5000。", "--duties %d is not valid; give 1 to 5000.", c.Duties)
	case c.Records < 0 || c.Records > 2000000:
		return Bad("--records %d 无效；请给出0至2000000。", "--records %d is not valid; give 0 to 2000000.", c.Records)
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	if empty, err := s.Empty(ctxb); err != nil {
		return err
	} else if !empty {
		return Bad("台账 %s 中已有数据，示例数据只能写入空台账；请用 --db 指定一个新文件。",
			"The ledger %s already holds data; demo data only goes into an empty ledger, so give a new file with --db.", model.CleanLine(s.Path()))
	}
	dl := model.Demo(model.DemoOptions{Years: c.Years, Duties: c.Duties, Records: c.Records, Today: a.Today(), Seed: c.Seed})
	if err := s.FillDemo(ctxb, dl); err != nil {
		return err
	}
	a.Printf(a.T("已写入示例数据：%d 年，%d 项事项，%d 条记录（%s）\n", "Wrote sample data: %d years, %d duties, %d records (%s)\n"),
		c.Years, c.Duties, c.Records, model.CleanLine(s.Path()))
	return nil
}

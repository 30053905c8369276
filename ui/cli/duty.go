package cli

import (
	"fmt"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// DutyCmd groups the duty commands.
type DutyCmd struct {
	Add     DutyAddCmd     `cmd:"" help:"添加事项及其年度要求 / add a duty with its target"`
	List    DutyListCmd    `cmd:"" help:"列出事项 / list duties"`
	Edit    DutyEditCmd    `cmd:"" help:"修改事项或某年的要求 / change a duty or its target in a year"`
	Archive DutyArchiveCmd `cmd:"" help:"归档事项（不再履行） / archive a duty you no longer hold"`
}

// DutyAddCmd adds a duty.
type DutyAddCmd struct {
	Title       string `required:"" help:"事项名称 / title"`
	Category    string `required:"" predictor:"category" help:"类别：学习 谈话 党课 会议 报告 调研 警示教育 其他（或 study talk lesson meeting report research education other） / category: study, talk, lesson, meeting, report, research, education or other"`
	Cadence     string `required:"" predictor:"cadence" help:"频次：week month quarter half year（或 每周 每月 每季度 每半年 每年） / cadence: week, month, quarter, half or year"`
	Min         int    `required:"" help:"每期至少次数 / minimum per period"`
	Basis       string `help:"依据，如《工作计划》第4条 / basis"`
	Description string `help:"说明 / description"`
	Start       string `help:"起始日期（任职日期），之前结束的周期不作要求 / start date" placeholder:"YYYY-MM-DD"`
	Year        int    `help:"年度（默认今年） / year (default: this year)"`
	Evidence    string `help:"应有的佐证材料，如“会议记录、签到表、照片” / the evidence each record should carry"`
	Each        string `help:"按人计：该分组每人每期至少 --min 次 / per person: each person of this group, at least --min a period" placeholder:"GROUP"`
}

func parseCategory(v string) (model.Category, error) {
	c, ok := model.ParseCategory(v)
	if !ok {
		return "", Bad("类别“%s”无效；请用 学习、谈话、党课、会议、报告、调研、警示教育 或 其他。",
			"The category %q is not known; use study, talk, lesson, meeting, report, research, education or other.", model.CleanLine(v))
	}
	return c, nil
}

func parseCadence(v string) (model.Cadence, error) {
	c, ok := model.ParseCadence(v)
	if !ok {
		return "", Bad("频次“%s”无效；请用 week、month、quarter、half 或 year（每周、每月、每季度、每半年、每年）。",
			"The cadence %q is not known; use week, month, quarter, half or year.", model.CleanLine(v))
	}
	return c, nil
}

func checkMin(n int) error {
	if n < 1 || n > model.MaxMin {
		return Bad("--min %d 无效；每期次数应为1至1000之间的整数。", "--min %d is not valid; give a whole number from 1 to 1000.", n)
	}
	return nil
}

// Run adds the duty.
func (c *DutyAddCmd) Run(a *App) error {
	year, err := a.yearOr(c.Year)
	if err != nil {
		return err
	}
	cat, err := parseCategory(c.Category)
	if err != nil {
		return err
	}
	cad, err := parseCadence(c.Cadence)
	if err != nil {
		return err
	}
	if err := checkMin(c.Min); err != nil {
		return err
	}
	start, err := a.date("--start", c.Start, 0)
	if err != nil {
		return err
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	t := model.Target{Year: year, Cadence: cad, Min: c.Min, Start: start, Each: model.CleanLine(c.Each)}
	id, err := s.AddDuty(ctxb, model.Duty{Title: c.Title, Category: cat, Basis: c.Basis, Description: c.Description, Evidence: c.Evidence}, t)
	if err != nil {
		return err
	}
	a.Printf(a.T("已添加事项 %d：%s（%d年 %s）\n", "Added duty %d: %s (%d, %s)\n"), id, model.CleanLine(c.Title), year, t.Requirement(a.Lang))
	return nil
}

// DutyListCmd lists duties.
type DutyListCmd struct {
	Year int  `help:"年度（默认今年） / year (default: this year)"`
	All  bool `help:"列出所有事项，含归档和当年没有要求的 / every duty, archived and without a target included"`
	JSON bool `name:"json" help:"输出 JSON / print JSON"`
}

type dutyOut struct {
	ID          int64   `json:"id"`
	Title       string  `json:"title"`
	Category    string  `json:"category"`
	Description string  `json:"description"`
	Basis       string  `json:"basis"`
	Archived    string  `json:"archived,omitempty"`
	Evidence    string  `json:"evidence,omitempty"`
	Target      *target `json:"target"`
}

type target struct {
	Year    int    `json:"year"`
	Cadence string `json:"cadence"`
	Min     int    `json:"min"`
	Start   string `json:"start,omitempty"`
	Each    string `json:"each,omitempty"`
}

// Run lists the duties.
func (c *DutyListCmd) Run(a *App) error {
	year, s, err := a.yearLedger(c.Year)
	if err != nil {
		return err
	}
	withTarget, err := s.YearDuties(ctxb, year)
	if err != nil {
		return err
	}
	list := withTarget
	if c.All {
		all, err := s.Duties(ctxb)
		if err != nil {
			return err
		}
		has := map[int64]data.DutyTarget{}
		for _, dt := range withTarget {
			has[dt.ID] = dt
		}
		list = nil
		for _, d := range all {
			dt, ok := has[d.ID]
			if !ok {
				dt = data.DutyTarget{Duty: d}
			}
			list = append(list, dt)
		}
	}
	if c.JSON {
		out := []dutyOut{}
		for _, dt := range list {
			o := dutyOut{ID: dt.ID, Title: model.CleanLine(dt.Title), Category: string(dt.Category), Description: model.Clean(dt.Description),
				Basis: model.Clean(dt.Basis), Archived: dt.Archived.String(), Evidence: model.CleanLine(dt.Evidence)}
			if dt.HasTarget {
				o.Target = &target{dt.Target.Year, string(dt.Target.Cadence), dt.Target.Min, dt.Target.Start.String(), model.CleanLine(dt.Target.Each)}
			}
			out = append(out, o)
		}
		return a.writeJSON(out)
	}
	if len(list) == 0 {
		a.Printf(a.T("%d年没有履职事项；可用 taizhang template apply 或 taizhang duty add 添加。\n",
			"No duties in %d; add some with taizhang template apply or taizhang duty add.\n"), year)
		return nil
	}
	rows := [][]string{{a.T("编号", "ID"), a.T("类别", "Category"), a.T("事项", "Duty"), a.T(fmt.Sprintf("%d年要求", year), fmt.Sprintf("Target %d", year)), a.T("依据", "Basis")}}
	for _, dt := range list {
		req := "-"
		if dt.HasTarget {
			req = dt.Target.Requirement(a.Lang)
		}
		title := dt.Title
		if !dt.Archived.IsZero() {
			title += a.T("（已归档）", " (archived)")
		}
		rows = append(rows, []string{fmt.Sprint(dt.ID), dt.Category.Name(a.Lang), title, req, dt.Basis})
	}
	a.Printf("%s", cells.Table(rows, []int{0, 0, 30, 22, 40}, 0))
	return nil
}

// DutyEditCmd changes a duty, or its target in one year.
type DutyEditCmd struct {
	Duty        string  `arg:"" predictor:"duty" help:"事项编号或名称的一部分 / duty id or part of its title"`
	Title       *string `help:"新名称 / new title"`
	Category    *string `predictor:"category" help:"新类别 / new category"`
	Basis       *string `help:"新依据 / new basis"`
	Description *string `help:"新说明 / new description"`
	Year        int     `help:"要修改要求的年度（默认今年） / year of the target to change (default: this year)"`
	Cadence     *string `predictor:"cadence" help:"新频次 / new cadence"`
	Min         *int    `help:"新的每期次数 / new minimum"`
	Start       *string `help:"新起始日期；空字符串表示取消 / new start date; empty to clear" placeholder:"YYYY-MM-DD"`
	Evidence    *string `help:"应有的佐证材料；空字符串表示不要求 / the evidence each record should carry; empty for none"`
	Each        *string `help:"按人计的分组；空字符串表示改为按次计 / per-person group; empty for an ordinary duty" placeholder:"GROUP"`
}

// Run applies the edit.
func (c *DutyEditCmd) Run(a *App) error {
	year, err := a.yearOr(c.Year)
	if err != nil {
		return err
	}
	s, err := a.Existing()
	if err != nil {
		return err
	}
	d, err := a.findDuty(s, c.Duty)
	if err != nil {
		return err
	}
	if c.Title != nil {
		d.Title = *c.Title
	}
	if c.Category != nil {
		if d.Category, err = parseCategory(*c.Category); err != nil {
			return err
		}
	}
	if c.Basis != nil {
		d.Basis = *c.Basis
	}
	if c.Description != nil {
		d.Description = *c.Description
	}
	if c.Evidence != nil {
		d.Evidence = *c.Evidence
	}
	change := data.DutyChange{Duty: d}
	if c.Cadence != nil || c.Min != nil || c.Start != nil || c.Each != nil {
		t, has, err := s.Target(ctxb, d.ID, year)
		if err != nil {
			return err
		}
		if !has && (c.Cadence == nil || c.Min == nil) {
			return Bad("“%[1]s”在%[2]d年还没有要求；请同时给出 --cadence 和 --min。",
				"%[1]q has no target in %[2]d yet; give both --cadence and --min.", d.Title, year)
		}
		if c.Cadence != nil {
			if t.Cadence, err = parseCadence(*c.Cadence); err != nil {
				return err
			}
		}
		if c.Min != nil {
			if err := checkMin(*c.Min); err != nil {
				return err
			}
			t.Min = *c.Min
		}
		if c.Start != nil {
			if t.Start, err = a.date("--start", *c.Start, 0); err != nil {
				return err
			}
		}
		if c.Each != nil {
			t.Each = model.CleanLine(*c.Each)
		}
		t.Year = year
		change.Target = &t
	}
	if err := s.EditDuty(ctxb, change); err != nil {
		return err
	}
	msg := a.T(fmt.Sprintf("已修改事项 %d：%s", d.ID, model.CleanLine(d.Title)), fmt.Sprintf("Changed duty %d: %s", d.ID, model.CleanLine(d.Title)))
	if change.Target != nil {
		msg += a.T(fmt.Sprintf("（%d年 %s）", year, change.Target.Requirement(a.Lang)), fmt.Sprintf(" (%d, %s)", year, change.Target.Requirement(a.Lang)))
	}
	a.Printf("%s\n", msg)
	return nil
}

// DutyArchiveCmd archives a duty, or brings it back.
type DutyArchiveCmd struct {
	Duty    string `arg:"" predictor:"duty" help:"事项编号或名称的一部分 / duty id or part of its title"`
	Date    string `help:"归档日期（默认今天）：此后不再要求，之前的记录仍计入当年 / archive date (default: today): nothing is required after it; its records still count in that year" placeholder:"YYYY-MM-DD"`
	Restore bool   `help:"取消归档 / bring an archived duty back"`
}

// Run archives or restores the duty.
func (c *DutyArchiveCmd) Run(a *App) error {
	day, err := a.date("--date", c.Date, a.Today())
	if err != nil {
		return err
	}
	if day > a.Today() {
		return Bad("--date %s 晚于今天；归档日期只能是今天或更早。", "--date %s is after today; archive as of today or earlier.", day.String())
	}
	s, err := a.Existing()
	if err != nil {
		return err
	}
	var d model.Duty
	if c.Restore {
		// An archived duty is named by id, or by a title among archived ones.
		all, err := s.Duties(ctxb)
		if err != nil {
			return err
		}
		var archived []model.Duty
		for _, x := range all {
			if !x.Archived.IsZero() {
				archived = append(archived, x)
			}
		}
		if d, err = model.MatchDuty(archived, c.Duty); err != nil {
			// Named an active duty? Say so rather than that it is not there.
			if x, err2 := model.MatchDuty(all, c.Duty); err2 == nil && x.Archived.IsZero() {
				return Bad("事项 %d“%s”没有归档，无需恢复。", "Duty %d %q is not archived; there is nothing to restore.", x.ID, model.CleanLine(x.Title))
			}
			return err
		}
		if err := s.SetArchived(ctxb, d, 0); err != nil {
			return err
		}
		a.Printf(a.T("已恢复事项 %d：%s\n", "Restored duty %d: %s\n"), d.ID, model.CleanLine(d.Title))
		return nil
	}
	if d, err = a.findDuty(s, c.Duty); err != nil {
		return err
	}
	if !d.Archived.IsZero() {
		return Bad("事项 %d 已于 %s 归档。", "Duty %d was already archived on %s.", d.ID, d.Archived.String())
	}
	if err := s.SetArchived(ctxb, d, day); err != nil {
		return err
	}
	a.Printf(a.T("已归档事项 %d：%s（%s 以后不再要求，之前的记录仍计入%d年）\n", "Archived duty %d: %s (nothing required after %s; its records still count in %d)\n"),
		d.ID, model.CleanLine(d.Title), day.String(), day.Year())
	return nil
}

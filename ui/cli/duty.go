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
	Remove  DutyRemoveCmd  `cmd:"" help:"删除误加、尚无记录的事项 / remove a duty added by mistake, with no records"`
}

// DutyRemoveCmd removes a duty added by mistake.
type DutyRemoveCmd struct {
	Duty string `arg:"" predictor:"duty" help:"事项编号或名称的一部分 / duty id or part of its title"`
}

// Run removes the duty with its targets, unless it has records: a duty
// the officer held is archived, never removed.
func (c *DutyRemoveCmd) Run(a *App) error {
	s, d, err := a.existingDuty(c.Duty)
	if err != nil {
		return err
	}
	if _, err := s.RemoveDuty(ctxb, d.ID); err != nil {
		return err
	}
	a.Printf(a.txt().DutyRemoved, d.ID, model.CleanLine(d.Title))
	return nil
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

func (a *App) parseCategory(v string) (model.Category, error) {
	c, ok := model.ParseCategory(v)
	if !ok {
		return "", a.Bad(a.txt().BadCategory, model.CleanLine(v))
	}
	return c, nil
}

func (a *App) parseCadence(v string) (model.Cadence, error) {
	c, ok := model.ParseCadence(v)
	if !ok {
		return "", a.Bad(a.txt().BadCadence, model.CleanLine(v))
	}
	return c, nil
}

func (a *App) checkMin(n int) error {
	if n < 1 || n > model.MaxMin {
		return a.Bad(a.txt().BadMin, n)
	}
	return nil
}

// Run adds the duty.
func (c *DutyAddCmd) Run(a *App) error {
	year, err := a.yearOr(c.Year)
	if err != nil {
		return err
	}
	cat, err := a.parseCategory(c.Category)
	if err != nil {
		return err
	}
	cad, err := a.parseCadence(c.Cadence)
	if err != nil {
		return err
	}
	if err := a.checkMin(c.Min); err != nil {
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
	a.Printf(a.txt().DutyAdded, id, model.CleanLine(c.Title), year, t.Requirement(a.Lang))
	return nil
}

// DutyListCmd lists duties.
type DutyListCmd struct {
	Year int  `help:"年度（默认今年） / year (default: this year)"`
	All  bool `help:"列出所有事项，含归档和当年没有要求的 / every duty, archived and without a target included"`
	JSON bool `name:"json" help:"输出 JSON / print JSON"`
}

type dutyOut struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Category    string `json:"category"`
	Description string `json:"description"`
	Basis       string `json:"basis"`
	Archived    string `json:"archived,omitempty"`
	// ArchiveReason is why it was archived, when said.
	ArchiveReason string  `json:"archive_reason,omitempty"`
	Evidence      string  `json:"evidence,omitempty"`
	Target        *target `json:"target"`
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
				Basis: model.Clean(dt.Basis), Archived: dt.Archived.String(), ArchiveReason: model.CleanLine(dt.ArchiveReason), Evidence: model.CleanLine(dt.Evidence)}
			if dt.HasTarget {
				o.Target = &target{dt.Target.Year, string(dt.Target.Cadence), dt.Target.Min, dt.Target.Start.String(), model.CleanLine(dt.Target.Each)}
			}
			out = append(out, o)
		}
		return a.writeJSON(out)
	}
	if len(list) == 0 {
		a.Printf(a.txt().NoDuties, year)
		return nil
	}
	rows := [][]string{{a.txt().ColID, a.txt().ColCategory, a.txt().ColDuty, fmt.Sprintf(a.txt().ColTarget, year), a.txt().ColBasis}}
	for _, dt := range list {
		req := "-"
		if dt.HasTarget {
			req = dt.Target.Requirement(a.Lang)
		}
		title := dt.Title
		if !dt.Archived.IsZero() {
			title += a.txt().ArchivedTag
		}
		rows = append(rows, []string{fmt.Sprint(dt.ID), dt.Category.Name(a.Lang), title, req, dt.Basis})
	}
	a.Printf("%s", cells.FitTable(rows, []int{0, 0, 30, 22, 40}, a.width(), []int{4, 2, 3}, 0))
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
	s, d, err := a.existingDuty(c.Duty)
	if err != nil {
		return err
	}
	if c.Title != nil {
		d.Title = *c.Title
	}
	if c.Category != nil {
		if d.Category, err = a.parseCategory(*c.Category); err != nil {
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
			return a.Bad(a.txt().NeedCadenceMin, d.Title, year)
		}
		if c.Cadence != nil {
			if t.Cadence, err = a.parseCadence(*c.Cadence); err != nil {
				return err
			}
		}
		if c.Min != nil {
			if err := a.checkMin(*c.Min); err != nil {
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
	msg := fmt.Sprintf(a.txt().DutyChanged, d.ID, model.CleanLine(d.Title))
	if change.Target != nil {
		msg += fmt.Sprintf(a.txt().DutyEditTarget, year, change.Target.Requirement(a.Lang))
	}
	a.Printf("%s\n", msg)
	return nil
}

// DutyArchiveCmd archives a duty, or brings it back.
type DutyArchiveCmd struct {
	Duty    string `arg:"" predictor:"duty" help:"事项编号或名称的一部分 / duty id or part of its title"`
	Date    string `help:"归档日期（默认今天）：此后不再要求，之前的记录仍计入当年 / archive date (default: today): nothing is required after it; its records still count in that year" placeholder:"YYYY-MM-DD"`
	Reason  string `help:"归档原因，写入履职报告的说明事项，如“岗位调整” / why, for the report's notes, e.g. a change of post" placeholder:"TEXT"`
	Restore bool   `help:"取消归档 / bring an archived duty back"`
}

// Run archives or restores the duty.
func (c *DutyArchiveCmd) Run(a *App) error {
	day, err := a.date("--date", c.Date, a.Today())
	if err != nil {
		return err
	}
	if day > a.Today() {
		return a.Bad(a.txt().ArchiveFuture, day.String())
	}
	if c.Restore && c.Reason != "" {
		return a.refuse(a.txt().ReasonOnRestore)
	}
	if err := model.CheckArchiveReason(model.CleanLine(c.Reason)); err != nil {
		return err
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
				return a.Bad(a.txt().NotArchived, x.ID, model.CleanLine(x.Title))
			}
			return err
		}
		if err := s.SetArchived(ctxb, d, 0, ""); err != nil {
			return err
		}
		a.Printf(a.txt().DutyRestored, d.ID, model.CleanLine(d.Title))
		return nil
	}
	if d, err = a.findDuty(s, c.Duty); err != nil {
		return err
	}
	if !d.Archived.IsZero() {
		// An archived duty's reason may be given or changed afterwards.
		if c.Reason != "" && c.Date == "" {
			if err := s.SetArchived(ctxb, d, d.Archived, c.Reason); err != nil {
				return err
			}
			a.Printf(a.txt().ArchiveReasonSet, d.ID, model.CleanLine(d.Title), model.CleanLine(c.Reason))
			return nil
		}
		return a.Bad(a.txt().AlreadyArchived, d.ID, d.Archived.String())
	}
	if err := s.SetArchived(ctxb, d, day, c.Reason); err != nil {
		return err
	}
	a.Printf(a.txt().DutyArchived,
		d.ID, model.CleanLine(d.Title), day.String(), day.Year())
	return nil
}

package cli

import (
	"fmt"
	"strings"

	"taizhang/model"
)

// ProfileCmd shows or sets the officer's name, post, unit and post start
// date. Only the flags given change; --name "" clears the name.
type ProfileCmd struct {
	Name  *string `help:"姓名 / name"`
	Post  *string `help:"职务，如 副局长 / post" placeholder:"POST"`
	Unit  *string `help:"单位，如 某某市某某局 / unit" placeholder:"UNIT"`
	Start *string `help:"任职日期：该年此后新建的要求（模板、工作计划、新事项、延续）从此日起计 / post start date: the year's targets created after it count from it" placeholder:"YYYY-MM-DD"`
	Apply bool    `help:"同时把任职日期用于该年已有、未设起始日期的要求 / also give the start date to that year's existing targets without one"`
}

// Run prints the profile, after changing it when flags were given.
func (c *ProfileCmd) Run(a *App) error {
	changing := c.Name != nil || c.Post != nil || c.Unit != nil || c.Start != nil
	var start model.Date
	if c.Start != nil && *c.Start != "" {
		d, err := a.date("--start", *c.Start, 0)
		if err != nil {
			return err
		}
		// The date gives the targets of its own year a start; one outside
		// this year and the next would change nothing the officer sees.
		if y := a.Today().Year(); d.Year() != y && d.Year() != y+1 {
			return Bad("任职日期 %s 不在今年（%d年）或明年之内；任职早于今年时本年度的要求全部适用，无需设置。",
				"The post start date %s is not in this year (%d) or the next; if you took up the post before this year, every period of it is required and no date is needed.",
				d.String(), y)
		}
		start = d
	}
	if c.Apply && (c.Start == nil || start.IsZero()) {
		return Bad("--apply 需要与 --start 日期一起使用。", "--apply needs a --start date.")
	}
	open := a.Existing // only setting the profile may start a ledger
	if changing {
		open = a.Store
	}
	s, err := open()
	if err != nil {
		return err
	}
	p, err := s.Profile(ctxb)
	if err != nil {
		return err
	}
	if changing {
		for _, f := range []struct{ from, to *string }{{c.Name, &p.Name}, {c.Post, &p.Post}, {c.Unit, &p.Unit}} {
			if f.from != nil {
				*f.to = *f.from
			}
		}
		if c.Start != nil {
			p.Start = start
		}
		if err := s.SetProfile(ctxb, p); err != nil {
			return err
		}
		if p, err = s.Profile(ctxb); err != nil {
			return err
		}
	}
	if c.Apply {
		n, err := s.ApplyStart(ctxb, start)
		if err != nil {
			return err
		}
		a.Printf("%s\n", a.T(fmt.Sprintf("已把任职日期 %s 用于%d年的%d项要求。", start, start.Year(), n),
			fmt.Sprintf("The start date %s now applies to %d targets of %d.", start, n, start.Year())))
	}
	if p.IsZero() {
		a.Printf("%s\n", a.T("尚未设置姓名、职务和单位；用 taizhang profile --name 姓名 --post 职务 --unit 单位 设置，年度报告会写在标题下。",
			"No name, post or unit yet; set them with taizhang profile --name N --post P --unit U, and the summary will print them under its title."))
		return nil
	}
	var b strings.Builder
	for _, f := range [][3]string{{"姓名", "Name", p.Name}, {"职务", "Post", p.Post}, {"单位", "Unit", p.Unit}, {"任职日期", "Post start date", p.Start.String()}} {
		v := model.CleanLine(f[2])
		if v == "" {
			v = a.T("（未设置）", "(not set)")
		}
		b.WriteString(a.T(f[0]+"：", f[1]+": ") + v + "\n")
	}
	a.Printf("%s", b.String())
	return nil
}

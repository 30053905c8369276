package cli

import (
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
	Apply bool    `help:"同时把任职日期用于该年已有、未设起始日期或沿用原任职日期的要求 / also give the start date to that year's existing targets without one, or with the old post start date"`
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
			return a.Bad(a.txt().BadPostStart, d.String(), y)
		}
		start = d
	}
	if c.Apply && (c.Start == nil || start.IsZero()) {
		return a.refuse(a.txt().ApplyNeedsStart)
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
	was := p.Start // the date an earlier --apply may have given the targets
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
		n, err := s.ApplyStart(ctxb, start, was)
		if err != nil {
			return err
		}
		a.Printf(a.txt().StartApplied+"\n", start, start.Year(), n)
	} else if c.Start != nil && !was.IsZero() && start != was {
		// A date corrected without --apply leaves the targets that took
		// the old one on it: say so, and how to move them.
		if n, err := s.StartingOn(ctxb, was); err == nil && n > 0 {
			a.Note(a.txt().StartStillOld, n, was, start)
		}
	}
	if p.IsZero() {
		a.Printf("%s\n", a.txt().ProfileEmpty)
		return nil
	}
	var b strings.Builder
	t := a.txt()
	for _, f := range [][2]string{{t.ProfileName, p.Name}, {t.ProfilePost, p.Post}, {t.ProfileUnit, p.Unit}, {t.ProfileStart, p.Start.String()}} {
		v := model.CleanLine(f[1])
		if v == "" {
			v = t.NotSet
		}
		b.WriteString(f[0] + t.FieldColon + v + "\n")
	}
	a.Printf("%s", b.String())
	return nil
}

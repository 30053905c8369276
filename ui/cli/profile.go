package cli

import (
	"strings"

	"taizhang/model"
)

// ProfileCmd shows or sets the officer's name, post and unit. Only the
// flags given change; --name "" clears the name.
type ProfileCmd struct {
	Name *string `help:"姓名 / name"`
	Post *string `help:"职务，如 副局长 / post" placeholder:"POST"`
	Unit *string `help:"单位，如 某某市某某局 / unit" placeholder:"UNIT"`
}

// Run prints the profile, after changing it when flags were given.
func (c *ProfileCmd) Run(a *App) error {
	open := a.Existing // only setting the profile may start a ledger
	if c.Name != nil || c.Post != nil || c.Unit != nil {
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
	if c.Name != nil || c.Post != nil || c.Unit != nil {
		for _, f := range []struct{ from, to *string }{{c.Name, &p.Name}, {c.Post, &p.Post}, {c.Unit, &p.Unit}} {
			if f.from != nil {
				*f.to = *f.from
			}
		}
		if err := s.SetProfile(ctxb, p); err != nil {
			return err
		}
		if p, err = s.Profile(ctxb); err != nil {
			return err
		}
	}
	if p.IsZero() {
		a.Printf("%s\n", a.T("尚未设置姓名、职务和单位；用 taizhang profile --name 姓名 --post 职务 --unit 单位 设置，年度报告会写在标题下。",
			"No name, post or unit yet; set them with taizhang profile --name N --post P --unit U, and the summary will print them under its title."))
		return nil
	}
	var b strings.Builder
	for _, f := range [][3]string{{"姓名", "Name", p.Name}, {"职务", "Post", p.Post}, {"单位", "Unit", p.Unit}} {
		v := model.CleanLine(f[2])
		if v == "" {
			v = a.T("（未设置）", "(not set)")
		}
		b.WriteString(a.T(f[0]+"：", f[1]+": ") + v + "\n")
	}
	a.Printf("%s", b.String())
	return nil
}

package cli

import (
	"fmt"
	"strings"

	"taizhang/data"
	"taizhang/model"
	"taizhang/ui/cells"
)

// PeopleCmd groups the roster commands.
type PeopleCmd struct {
	Add    PeopleAddCmd    `cmd:"" help:"添加人员及其分组 / add a person to the roster"`
	List   PeopleListCmd   `cmd:"" help:"按分组列出人员名单 / list the roster by group"`
	Edit   PeopleEditCmd   `cmd:"" help:"修改姓名、备注，或加入分组 / change a name or note, or join a group"`
	Leave  PeopleLeaveCmd  `cmd:"" help:"登记人员离开分组 / record that a person left a group"`
	Remove PeopleRemoveCmd `cmd:"" help:"从名单删除误录的人员 / take a person entered by mistake off the roster"`
}

// PeopleAddCmd adds a person.
type PeopleAddCmd struct {
	Name  string   `required:"" help:"姓名（同名的人用 --note 区分） / name (tell people of the same name apart with --note)"`
	Group []string `required:"" sep:"none" help:"分组，如 科室干部、分管科室负责人（可重复） / group (repeatable)" placeholder:"GROUP"`
	From  string   `help:"加入分组的日期（默认：一直在） / the day they joined (default: since before the year)" placeholder:"YYYY-MM-DD"`
	Note  string   `help:"备注，如所在科室 / a note, such as their section"`
}

// Run adds the person.
func (c *PeopleAddCmd) Run(a *App) error {
	from, err := a.date("--from", c.From, 0)
	if err != nil {
		return err
	}
	if len(c.Group) == 0 {
		c.Group = []string{""} // refused below with the sentence for an empty group
	}
	var joins []data.Joining
	for _, g := range c.Group {
		joins = append(joins, data.Joining{Group: g, From: from})
	}
	s, err := a.Store()
	if err != nil {
		return err
	}
	p, err := s.AddPerson(ctxb, model.Person{Name: c.Name, Note: c.Note}, joins)
	if err != nil {
		return err
	}
	r, err := s.Roster(ctxb)
	if err != nil {
		return err
	}
	var gs []string
	for _, j := range joins {
		gs = append(gs, model.CleanLine(j.Group))
	}
	a.Printf(a.txt().PersonAdded, r.Label(p), strings.Join(gs, a.txt().ListSep))
	return nil
}

// PeopleListCmd lists the roster.
type PeopleListCmd struct {
	Group string `help:"只列出这个分组 / only this group" placeholder:"GROUP"`
	JSON  bool   `name:"json" help:"输出 JSON / print JSON"`
}

type personOut struct {
	Name   string          `json:"name"`
	Note   string          `json:"note,omitempty"`
	Groups []membershipOut `json:"groups"`
}

type membershipOut struct {
	Group  string `json:"group"`
	Joined string `json:"joined,omitempty"`
	Left   string `json:"left,omitempty"`
}

// Run prints the roster.
func (c *PeopleListCmd) Run(a *App) error {
	s, err := a.Reading()
	if err != nil {
		return err
	}
	r, err := s.Roster(ctxb)
	if err != nil {
		return err
	}
	group := model.CleanLine(c.Group)
	if group != "" && !r.HasGroup(group) {
		return a.Bad(a.txt().NoSuchGroup, group)
	}
	if c.JSON {
		out := []personOut{}
		for _, p := range r.People {
			o := personOut{Name: model.CleanLine(r.Label(p)), Note: model.CleanLine(p.Note), Groups: []membershipOut{}}
			in := group == ""
			for _, m := range r.GroupsOf(p.ID) {
				in = in || m.Group == group
				o.Groups = append(o.Groups, membershipOut{Group: model.CleanLine(m.Group), Joined: m.From.String(), Left: m.To.String()})
			}
			if in {
				out = append(out, o)
			}
		}
		return a.writeJSON(out)
	}
	if len(r.People) == 0 && len(r.Groups) == 0 {
		a.Printf("%s", a.txt().RosterEmpty)
		return nil
	}
	rows := [][]string{{a.txt().ColGroup, a.txt().ColName, a.txt().ColInGroup, a.txt().ColNote}}
	for _, g := range r.Groups {
		if group != "" && g != group {
			continue
		}
		ms := r.MembersOf(g)
		if len(ms) == 0 {
			rows = append(rows, []string{g, a.txt().Nobody, "", ""})
		}
		for _, m := range ms {
			p, _ := r.Person(m.PersonID)
			rows = append(rows, []string{g, r.Label(p), span(a.Lang, m), p.Note})
		}
	}
	a.Printf("%s", cells.Table(rows, []int{0, 16, 0, 30}))
	return nil
}

// span writes a membership's time: 2026-07-01起, 至2026-05-31, 2026-03-01至2026-09-30.
func span(lang model.Lang, m model.Membership) string {
	switch {
	case m.From.IsZero() && m.To.IsZero():
		return ""
	case m.To.IsZero():
		return fmt.Sprintf(textFor(lang).SpanFrom, m.From.String())
	case m.From.IsZero():
		return fmt.Sprintf(textFor(lang).SpanUntil, m.To.String())
	}
	return fmt.Sprintf(textFor(lang).SpanFromTo, m.From.String(), m.To.String())
}

// findPerson opens the ledger and finds the person named on its roster.
func (a *App) findPerson(name string) (*data.Store, model.Roster, model.Person, error) {
	s, err := a.Existing()
	if err != nil {
		return nil, model.Roster{}, model.Person{}, err
	}
	r, err := s.Roster(ctxb)
	if err != nil {
		return nil, model.Roster{}, model.Person{}, err
	}
	p, err := r.Find(name)
	return s, r, p, err
}

// PeopleEditCmd changes a person.
type PeopleEditCmd struct {
	Person string  `arg:"" help:"姓名（同名的写作 张伟（财务科）） / name"`
	Name   *string `help:"新姓名 / new name"`
	Note   *string `help:"新备注 / new note"`
	Join   string  `help:"加入分组 / join a group" placeholder:"GROUP"`
	From   string  `help:"加入的日期（与 --join 一起用） / the day they joined (with --join)" placeholder:"YYYY-MM-DD"`
}

// Run applies the edit.
func (c *PeopleEditCmd) Run(a *App) error {
	from, err := a.date("--from", c.From, 0)
	if err != nil {
		return err
	}
	if c.Name == nil && c.Note == nil && c.Join == "" {
		return a.refuse(a.txt().NothingToChange)
	}
	s, r, p, err := a.findPerson(c.Person)
	if err != nil {
		return err
	}
	if c.Name != nil || c.Note != nil {
		q := p
		if c.Name != nil {
			q.Name = *c.Name
		}
		if c.Note != nil {
			q.Note = *c.Note
		}
		if _, p, err = s.EditPerson(ctxb, q); err != nil {
			return err
		}
	}
	if c.Join != "" {
		if _, err := s.Join(ctxb, p, data.Joining{Group: c.Join, From: from}); err != nil {
			return err
		}
	}
	if r, err = s.Roster(ctxb); err != nil {
		return err
	}
	a.Printf(a.txt().PersonChanged, r.Label(p))
	return nil
}

// PeopleLeaveCmd records that a person left a group.
type PeopleLeaveCmd struct {
	Person string `arg:"" help:"姓名 / name"`
	Group  string `required:"" help:"分组 / group" placeholder:"GROUP"`
	Date   string `required:"" help:"在组的最后一天 / their last day in the group" placeholder:"YYYY-MM-DD"`
}

// Run closes the membership.
func (c *PeopleLeaveCmd) Run(a *App) error {
	day, err := a.date("--date", c.Date, 0)
	if err != nil {
		return err
	}
	s, r, p, err := a.findPerson(c.Person)
	if err != nil {
		return err
	}
	if _, err := s.Leave(ctxb, p, c.Group, day); err != nil {
		return err
	}
	a.Printf(a.txt().PersonLeft, r.Label(p), day.String(), model.CleanLine(c.Group))
	return nil
}

// PeopleRemoveCmd takes a person off the roster.
type PeopleRemoveCmd struct {
	Person string `arg:"" help:"姓名 / name"`
}

// Run removes the person; the records naming them keep the names as typed.
func (c *PeopleRemoveCmd) Run(a *App) error {
	s, r, p, err := a.findPerson(c.Person)
	if err != nil {
		return err
	}
	if _, err := s.RemovePerson(ctxb, p); err != nil {
		return err
	}
	a.Printf(a.txt().PersonRemoved, r.Label(p))
	return nil
}

// warnOutside warns, on one line each, about the participants of rec
// that its per-person duty does not count: names not in the group at all
// (not on the roster, or never in it), and people in the group at another
// time (left before the record's date, joined after) whom the period the
// record counts in does not require. The record is kept as written.
func warnOutside(a *App, s *data.Store, d model.Duty, rec model.Record) {
	dy, i, ok := a.countsIn(s, d, rec)
	if !ok || !dy.Target.PerPerson() || len(model.People(rec.With)) == 0 {
		return
	}
	r, err := s.Roster(ctxb)
	if err != nil {
		return
	}
	t := dy.Target
	out, then := r.Outsiders(t.Each, dy.Periods[i], rec.With, rec.Date)
	if len(out) > 0 {
		a.Note(a.txt().NotInGroup, strings.Join(out, a.txt().ListSep), t.Each)
	}
	if len(then) > 0 {
		a.Note(a.txt().NotInGroupThen, strings.Join(then, a.txt().ListSep), rec.Date, t.Each)
	}
}

// coverageNote is where a per-person duty stands after a record:
// （覆盖 2/3人，尚未谈话：王五）.
func (a *App) coverageNote(c model.Coverage) string {
	if len(c.Missing) == 0 {
		return fmt.Sprintf(a.txt().Covered, c.Ratio(a.Lang))
	}
	names := make([]string, len(c.Missing))
	for i, n := range c.Missing {
		names[i] = model.CleanLine(n)
	}
	return fmt.Sprintf(a.txt().CoveredNotYet, c.Ratio(a.Lang), strings.Join(names, a.txt().ListSep))
}

// unfilledLine says that a per-person duty's group has nobody in it yet,
// and how to fill it.
func unfilledLine(dy model.DutyYear, lang model.Lang) string {
	g := model.CleanLine(dy.Target.Each)
	return fmt.Sprintf(textFor(lang).RosterUnfilled, model.CleanLine(dy.Duty.Title), g, shellWord(g))
}

// missingLines names, under the status table, who each per-person duty
// has not reached yet.
func missingLines(ys model.YearStatus, lang model.Lang) string {
	var b strings.Builder
	for _, dy := range ys.Duties {
		c := dy.Coverage
		if c != nil && c.Unfilled {
			b.WriteString(unfilledLine(dy, lang))
			continue
		}
		if c == nil || len(c.Missing) == 0 {
			continue
		}
		names := make([]string, len(c.Missing))
		for i, n := range c.Missing {
			names[i] = model.CleanLine(n)
		}
		title := model.CleanLine(dy.Duty.Title)
		t := textFor(lang)
		fmt.Fprintf(&b, t.NotYetTalked, title, c.Ratio(lang), strings.Join(names, t.ListSep))
	}
	if b.Len() == 0 {
		return ""
	}
	return "\n" + b.String()
}

// shellWord writes s so that a POSIX shell reads it back as one word, for
// a command the officer is told to run: as it is when it holds nothing a
// shell treats specially, else in single quotes.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~=%") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

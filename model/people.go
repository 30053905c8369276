package model

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Person is one person on the roster (人员名单). Names are unique in the
// ledger; two people of the same name are told apart by their notes, and
// are then written 张伟（财务科）.
type Person struct {
	ID   int64
	Name string
	Note string // a short remark; for people of the same name, what tells them apart
	// Rev is the version of the stored person this value was read from.
	Rev string
}

// Membership is a person's time in a group: from the day they joined
// through the last day they were in it. A zero From means since before
// any period; a zero To, still in it.
type Membership struct {
	ID       int64
	PersonID int64
	Group    string
	From     Date
	To       Date
}

// Covers is how many days of p the membership covers.
func (m Membership) Covers(p Period) int {
	s, e := p.Start, p.End
	if !m.From.IsZero() && m.From > s {
		s = m.From
	}
	if !m.To.IsZero() && m.To < e {
		e = m.To
	}
	return max(int(e-s)+1, 0)
}

// Current reports whether the membership holds on day d.
func (m Membership) Current(d Date) bool {
	return (m.From.IsZero() || m.From <= d) && (m.To.IsZero() || d <= m.To)
}

// Roster is the ledger's people, their groups and their memberships.
type Roster struct {
	People  []Person     // by id
	Groups  []string     // every group, empty ones included, in the order they were made
	Members []Membership // by person, then group, then From
}

// Limits on the roster.
const (
	MaxName  = 50 // characters in a person's name
	MaxGroup = 50 // characters in a group's name
)

// Errors callers tell apart about the roster.
var (
	ErrNameTaken    = errors.New("name taken")
	ErrNoGroup      = errors.New("no such group")
	ErrLeaveEarly   = errors.New("leave before join")
	ErrEachCadence  = errors.New("per-person cadence shorter than a month")
	ErrUnknownName  = errors.New("not on the roster")
	ErrNotAMember   = errors.New("not a member of the group")
	ErrStillMember  = errors.New("already a member")
	ErrEmptyRoster  = errors.New("nobody on the roster")
	ErrPersonInUse  = errors.New("person named")
	ErrNoNames      = errors.New("no names given")
	ErrNameTwice    = errors.New("name given twice")
	errNameSeparate = errors.New("name with a separator")
)

// Person returns the person with id.
func (r Roster) Person(id int64) (Person, bool) {
	for _, p := range r.People {
		if p.ID == id {
			return p, true
		}
	}
	return Person{}, false
}

// Label is how p is written in lists and matched in records: the name,
// or, when another person on the roster has the same name, 张伟（财务科）.
func (r Roster) Label(p Person) string {
	if p.Note == "" {
		return p.Name
	}
	for _, o := range r.People {
		if o.ID != p.ID && o.Name == p.Name {
			return Disambiguated(p.Name, p.Note)
		}
	}
	return p.Name
}

// Disambiguated writes a name with the note that tells it apart: 张伟（财务科）.
func Disambiguated(name, note string) string { return name + "（" + note + "）" }

// HasGroup reports whether the roster has group g.
func (r Roster) HasGroup(g string) bool {
	for _, x := range r.Groups {
		if x == g {
			return true
		}
	}
	return false
}

// MembersOf returns the memberships of group g.
func (r Roster) MembersOf(g string) []Membership {
	var out []Membership
	for _, m := range r.Members {
		if m.Group == g {
			out = append(out, m)
		}
	}
	return out
}

// GroupsOf returns the memberships of person id.
func (r Roster) GroupsOf(id int64) []Membership {
	var out []Membership
	for _, m := range r.Members {
		if m.PersonID == id {
			out = append(out, m)
		}
	}
	return out
}

// normName writes ASCII parentheses as full-width ones, so 张伟(财务科)
// matches 张伟（财务科）.
func normName(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "()") {
		s = strings.NewReplacer("(", "（", ")", "）").Replace(s)
	}
	return s
}

// Match finds the person a participant's name stands for: the exact label
// (张伟, or 张伟（财务科） when two share the name), or a name only one
// person has. ok is false for a name not on the roster and for a name two
// people share, written without what tells them apart.
func (r Roster) Match(name string) (Person, bool) {
	name = normName(name)
	if name == "" {
		return Person{}, false
	}
	var found Person
	n := 0
	for _, p := range r.People {
		if p.Note != "" && Disambiguated(p.Name, p.Note) == name {
			return p, true
		}
		if p.Name == name {
			found = p
			n++
		}
	}
	return found, n == 1
}

// Find is Match for a name typed on the command line or in a form,
// refusing with an InputError a name not on the roster or one two people
// share.
func (r Roster) Find(name string) (Person, error) {
	name = CleanLine(name)
	if p, ok := r.Match(name); ok {
		return p, nil
	}
	var same []string
	for _, p := range r.People {
		if p.Name == normName(name) {
			same = append(same, r.Label(p))
		}
	}
	if len(same) > 1 {
		return Person{}, Refuse(ErrAmbiguous, KindNameAmbiguous, len(same), clip(name), same)
	}
	return Person{}, Refuse(ErrNotFound, KindNotOnRoster, clip(name))
}

// Resolve matches the names in a participants field (DESIGN §3a): the
// people it names, in order and once each, and the names kept as written
// because they are not on the roster or two people share them.
func (r Roster) Resolve(with string) (ids []int64, unknown []string) {
	for _, name := range People(with) {
		if p, ok := r.Match(name); ok {
			if !containsID(ids, p.ID) {
				ids = append(ids, p.ID)
			}
			continue
		}
		if !containsString(unknown, name) {
			unknown = append(unknown, name)
		}
	}
	return ids, unknown
}

func containsID(s []int64, x int64) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

func containsString(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// NormalizePerson cleans p and checks it can join roster r: a name that
// is not empty, not too long, holds none of the separators participants
// are split on, and is not taken (the same name and note, or a name
// another person has with neither note telling them apart). p.ID is the
// person being edited, 0 for a new one.
func (r Roster) NormalizePerson(p *Person) error {
	p.Name = normName(CleanLine(p.Name))
	p.Note = CleanLine(p.Note)
	// 张伟（办公室） typed as the name is the name and its note, as in a
	// list of names; kept whole it would no longer be told apart.
	if sp := splitNote(p.Name); sp.Note != "" && sp.Name != "" {
		if p.Note != "" && p.Note != sp.Note {
			return RefuseField("name", errNameSeparate, KindNameBracket, sp.Note, p.Note)
		}
		p.Name, p.Note = sp.Name, sp.Note
	}
	switch {
	case p.Name == "":
		return RefuseField("name", nil, KindNameEmpty)
	case utf8.RuneCountInString(p.Name) > MaxName:
		return longer("name", KindFieldName, MaxName)
	case len(People(p.Name)) != 1 || People(p.Name)[0] != p.Name:
		return RefuseField("name", errNameSeparate, KindNameSeparators)
	case utf8.RuneCountInString(p.Note) > MaxText:
		return longer("note", KindFieldNote, MaxText)
	}
	for _, o := range r.People {
		if o.ID == p.ID || o.Name != p.Name {
			continue
		}
		switch {
		case o.Note == p.Note && p.Note != "":
			return RefuseField("note", ErrNameTaken, KindNameNoteTaken, r.Label(o))
		case o.Note == p.Note:
			return RefuseField("name", ErrNameTaken, KindNameTaken, r.Label(o), p.Name)
		case o.Note == "":
			return RefuseField("note", ErrNameTaken, KindNameTakenNoNote, o.Name)
		case p.Note == "":
			return RefuseField("note", ErrNameTaken, KindNameNeedsNote, r.Label(o), p.Name)
		}
	}
	return nil
}

// CheckGroup cleans a group's name and checks it.
func CheckGroup(g string) (string, error) {
	g = CleanLine(g)
	switch {
	case g == "":
		return g, RefuseField("group", nil, KindGroupEmpty)
	case utf8.RuneCountInString(g) > MaxGroup:
		return g, longer("group", KindFieldGroup, MaxGroup)
	}
	return g, nil
}

// CheckLeave checks that a person may leave group g on day, given their
// memberships, and returns the membership it closes.
func CheckLeave(name string, ms []Membership, g string, day Date) (Membership, error) {
	var open *Membership
	for i := range ms {
		if ms[i].Group == g && ms[i].To.IsZero() {
			open = &ms[i]
		}
	}
	if open == nil {
		return Membership{}, RefuseField("group", ErrNotAMember, KindNotAMember, name, g)
	}
	if !open.From.IsZero() && day < open.From {
		return Membership{}, RefuseField("date", ErrLeaveEarly, KindLeaveEarly, day, name, g, open.From)
	}
	return *open, nil
}

// CheckEach checks a per-person target: the group exists and the cadence
// is a month or longer (a weekly talk with each person is not a duty
// anyone keeps).
func (r Roster) CheckEach(t Target) error {
	if t.Each == "" {
		return nil
	}
	if !r.HasGroup(t.Each) {
		return RefuseField("each", ErrNoGroup, KindNoGroupFor, clip(t.Each))
	}
	if t.Cadence == Week {
		return RefuseField("cadence", ErrEachCadence, KindEachCadence)
	}
	return nil
}

// Member is one member of a per-person target's group, as the evaluation
// needs it: the person, their label, and their time in the group.
type Member struct {
	ID    int64
	Label string
	Spans []Membership
}

// RequiredIn reports whether the member is required in p: their time in
// the group covers at least half of it (DESIGN §3a). For a target whose
// start date falls inside a period, p is the part from that date: the
// period as the officer holds it.
func (m Member) RequiredIn(p Period) bool {
	days := 0
	for _, s := range m.Spans {
		days += s.Covers(p)
	}
	return 2*days >= p.Days()
}

// GroupMembers returns the members of group g for a per-person target, in
// roster order, with their labels.
func (r Roster) GroupMembers(g string) []Member {
	var out []Member
	idx := map[int64]int{}
	for _, m := range r.Members {
		if m.Group != g {
			continue
		}
		i, ok := idx[m.PersonID]
		if !ok {
			p, _ := r.Person(m.PersonID)
			i = len(out)
			idx[m.PersonID] = i
			out = append(out, Member{ID: m.PersonID, Label: r.Label(p)})
		}
		out[i].Spans = append(out[i].Spans, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// NamedRecord is one record of a per-person duty as the evaluation needs it: its
// date, the period it was given for (zero when the one holding its date),
// and the names it gives as written with, for each, the roster person it
// stands for (0 for none).
type NamedRecord struct {
	Date   Date
	For    PeriodRef
	Names  []string
	People []int64
}

// TalkOf makes the NamedRecord of a record from its participants, matched
// against roster r (for many records, make r.Index() once).
func (r Roster) TalkOf(date Date, forRef PeriodRef, with string) NamedRecord {
	return r.Index().TalkOf(date, forRef, with)
}

// PersonCount is one required person of a period with their records.
type PersonCount struct {
	ID    int64
	Label string
	Count int
}

// Coverage is who a per-person duty reached (DESIGN §3a): the people
// required, those who have their N, and those not yet.
type Coverage struct {
	Min      int           // N: records each person needs in each period
	Required []PersonCount // in roster order, with their records
	Missing  []string      // labels of the required people not yet covered
	// Times is 人次: each counted record counts once for every name it
	// gives (at least once).
	Times int
	// Outside are the names given in counted records that are not
	// members of the group (not on the roster, ambiguous, or in other
	// groups), as written.
	Outside []string
	// Unfilled: nobody has ever been put in the group, so there is no one
	// to count (the roster is still to be filled, DESIGN §3a).
	Unfilled bool
}

// Covered is how many required people are covered.
func (c Coverage) Covered() int { return len(c.Required) - len(c.Missing) }

// Full reports whether everyone required is covered (and someone is).
func (c Coverage) Full() bool { return len(c.Required) > 0 && len(c.Missing) == 0 }

// Ratio writes the coverage as 7/9人 or 7/9 people, or, while the group
// has nobody in it, 名单未填 or "no people": never a 0/0 that reads as a
// duty not begun.
func (c Coverage) Ratio(lang Lang) string {
	if c.Unfilled {
		return pick([2]string{"名单未填", "no people"}, lang, "")
	}
	if lang == English {
		return fmt.Sprintf("%d/%d people", c.Covered(), len(c.Required))
	}
	return fmt.Sprintf("%d/%d人", c.Covered(), len(c.Required))
}

// CoveredNames are the labels of the covered people.
func (c Coverage) CoveredNames() []string {
	var out []string
	for _, p := range c.Required {
		if !containsString(c.Missing, p.Label) {
			out = append(out, p.Label)
		}
	}
	return out
}

package model

import (
	"strings"
)

// ParseNames reads the people typed or pasted for a group: names one per
// line or separated as in a participants field (、，,；; spaces /), each a
// name or a name with the note that tells it apart, 张伟（财务科） or
// 张伟(财务科). A separator left at the end, as a completion leaves it, is
// no name. It refuses, with an InputError on the field "people", a list
// with no name and a name given twice. Each name is checked further when
// it joins the roster (NormalizePerson).
func ParseNames(text string) ([]Person, error) {
	// Made one clean line first, so that nothing it turns into a space
	// (a line or paragraph separator) is left inside a name.
	text = CleanLine(strings.NewReplacer("\r\n", "、", "\r", "、", "\n", "、", "\t", "、").Replace(text))
	if err := spaceInName(text); err != nil {
		return nil, err
	}
	var out []Person
	seen := map[string]bool{}
	for _, tok := range People(text) {
		p := splitNote(normName(tok))
		if p.Name == "" {
			continue // a lone （财务科）: nothing to call the person
		}
		label := p.Name
		if p.Note != "" {
			label = Disambiguated(p.Name, p.Note)
		}
		if seen[label] {
			return nil, RefuseField("people", ErrNameTwice, KindNameTwice, clip(label), p.Name)
		}
		seen[label] = true
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, RefuseField("people", ErrNoNames, KindNoNames)
	}
	return out, nil
}

// spaceInName refuses a list separated by 、 ， , ； ; / or lines one of
// whose names holds a space (欧阳 娜娜, Li Na): the space would make it two
// people, silently. A list with no such separator (张三 李四) is split on
// its spaces, as a participants field is; a space before a bracketed note
// (张伟 (财务科)) is no part of the name.
func spaceInName(text string) error {
	chunks := strings.FieldsFunc(text, func(r rune) bool { return r != ' ' && r != '\u3000' && isNameSeparator(r) })
	if len(chunks) < 2 {
		return nil
	}
	for _, c := range chunks {
		c = strings.TrimSpace(strings.Trim(c, "\u3000 "))
		name := c
		if i := strings.IndexAny(name, "（("); i > 0 && strings.ContainsAny(name[i:], "）)") {
			name = strings.TrimRight(name[:i], " \u3000")
		}
		if strings.ContainsAny(name, " \u3000") {
			return RefuseField("people", errNameSeparate, KindNameSpace, clip(c))
		}
	}
	return nil
}

// splitNote takes 张伟（财务科） apart into the name and the note.
func splitNote(s string) Person {
	if !strings.HasSuffix(s, "）") {
		return Person{Name: s}
	}
	i := strings.Index(s, "（")
	if i < 0 {
		return Person{Name: s}
	}
	return Person{Name: strings.TrimSpace(s[:i]), Note: strings.TrimSpace(s[i+len("（") : len(s)-len("）")])}
}

// EachGroups are the groups that the per-person targets among ts are owed
// to, in order, once each: the groups a duty set asks the officer to fill.
func EachGroups(ts []Target) []string {
	var out []string
	for _, t := range ts {
		if t.Each != "" && !containsString(out, t.Each) {
			out = append(out, t.Each)
		}
	}
	return out
}

// NameIndex finds people by the names participants give, as Roster.Match
// does, without walking the roster for each name: a year's evaluation
// matches thousands of names against a roster of hundreds.
type NameIndex struct {
	byLabel map[string]Person   // 张伟（财务科）: the first person, in roster order, with that name and note
	byName  map[string][]Person // the people of each name
}

// Index makes the NameIndex of r.
func (r Roster) Index() NameIndex {
	x := NameIndex{byLabel: make(map[string]Person), byName: make(map[string][]Person, len(r.People))}
	for _, p := range r.People {
		if p.Note != "" {
			if _, ok := x.byLabel[Disambiguated(p.Name, p.Note)]; !ok {
				x.byLabel[Disambiguated(p.Name, p.Note)] = p
			}
		}
		x.byName[p.Name] = append(x.byName[p.Name], p)
	}
	return x
}

// Match is Roster.Match.
func (x NameIndex) Match(name string) (Person, bool) {
	name = normName(name)
	if name == "" {
		return Person{}, false
	}
	if p, ok := x.byLabel[name]; ok {
		return p, true
	}
	if ps := x.byName[name]; len(ps) == 1 {
		return ps[0], true
	}
	return Person{}, false
}

// TalkOf makes the NamedRecord of a record from its participants.
func (x NameIndex) TalkOf(date Date, forRef PeriodRef, with string) NamedRecord {
	t := NamedRecord{Date: date, For: forRef}
	for _, name := range People(with) {
		if containsString(t.Names, name) {
			continue
		}
		var id int64
		if p, ok := x.Match(name); ok {
			id = p.ID
		}
		t.Names = append(t.Names, name)
		t.People = append(t.People, id)
	}
	return t
}

// Outsiders sorts out the names of a per-person duty's record that count
// for nobody, for a note beside it: out are not on the roster or never in
// group, then were in group but not on day, and not required in p, the
// period the record counts in (a talk in September with someone who left
// on 31 August counts for a year that required them, so is neither).
func (r Roster) Outsiders(group string, p PeriodResult, with string, day Date) (out, then []string) {
	member := map[int64][]Membership{}
	for _, m := range r.MembersOf(group) {
		member[m.PersonID] = append(member[m.PersonID], m)
	}
	required := map[int64]bool{}
	for _, pc := range p.People {
		required[pc.ID] = true
	}
	for _, name := range People(CleanLine(with)) {
		who, ok := r.Match(name)
		if !ok || len(member[who.ID]) == 0 {
			out = append(out, name)
			continue
		}
		current := false
		for _, m := range member[who.ID] {
			current = current || m.Current(day)
		}
		if !current && !required[who.ID] {
			then = append(then, name)
		}
	}
	return out, then
}

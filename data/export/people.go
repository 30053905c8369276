package export

import (
	"taizhang/model"
)

// jsonPerson is one person of the roster with their memberships.
type jsonPerson struct {
	Name   string           `json:"name"`
	Note   string           `json:"note,omitempty"`
	Groups []jsonMembership `json:"groups"`
}

// jsonMembership is a person's time in a group: joined (absent: since
// before any period) through their last day (absent: still in it).
type jsonMembership struct {
	Group  string `json:"group"`
	Joined string `json:"joined,omitempty"`
	Left   string `json:"left,omitempty"`
}

func rosterJSON(r model.Roster) ([]string, []jsonPerson) {
	line := model.CleanLine
	var groups []string
	for _, g := range r.Groups {
		groups = append(groups, line(g))
	}
	var people []jsonPerson
	for _, p := range r.People {
		jp := jsonPerson{Name: line(p.Name), Note: line(p.Note), Groups: []jsonMembership{}}
		for _, m := range r.GroupsOf(p.ID) {
			jp.Groups = append(jp.Groups, jsonMembership{Group: line(m.Group), Joined: m.From.String(), Left: m.To.String()})
		}
		people = append(people, jp)
	}
	return groups, people
}

// roster reads the file's roster back, refusing a bad date or a
// membership that ends before it begins.
func (doc jsonDoc) roster() (model.Roster, error) {
	r := model.Roster{Groups: doc.Groups}
	date := func(s string, i int, name string) (model.Date, error) {
		if s == "" {
			return 0, nil
		}
		d, err := model.ParseDate(s)
		if err != nil {
			return 0, model.Refuse(nil, model.KindImportPersonDate, i+1, model.CleanLine(name), model.CleanLine(s))
		}
		return d, nil
	}
	for i, jp := range doc.People {
		id := int64(i + 1)
		r.People = append(r.People, model.Person{ID: id, Name: jp.Name, Note: jp.Note})
		for _, jm := range jp.Groups {
			from, err := date(jm.Joined, i, jp.Name)
			if err != nil {
				return r, err
			}
			to, err := date(jm.Left, i, jp.Name)
			if err != nil {
				return r, err
			}
			r.Members = append(r.Members, model.Membership{PersonID: id, Group: jm.Group, From: from, To: to})
			if !model.Roster(r).HasGroup(jm.Group) {
				r.Groups = append(r.Groups, jm.Group)
			}
		}
	}
	return r, nil
}

package model

import "unicode/utf8"

// Profile is the officer the ledger belongs to, as the year-end summary
// names them: 姓名, 职务, 单位. Every field may be empty.
type Profile struct {
	Name string
	Post string
	Unit string
}

// MaxProfile is the longest name, post or unit, in characters.
const MaxProfile = 100

// IsZero reports whether no field is set.
func (p Profile) IsZero() bool { return p == Profile{} }

// Normalize cleans the fields to one line each and checks their length.
func (p *Profile) Normalize() error {
	p.Name, p.Post, p.Unit = CleanLine(p.Name), CleanLine(p.Post), CleanLine(p.Unit)
	for _, f := range []string{p.Name, p.Post, p.Unit} {
		if utf8.RuneCountInString(f) > MaxProfile {
			return Invalid(nil, "姓名、职务或单位过长（最多100字），请缩短。",
				"The name, post or unit is longer than 100 characters; shorten it.")
		}
	}
	return nil
}

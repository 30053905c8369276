package model

import "unicode/utf8"

// Profile is the officer the ledger belongs to, as the year-end summary
// names them: 姓名, 职务, 单位. Every field may be empty.
type Profile struct {
	Name string
	Post string
	Unit string
	// Start is the post start date (任职日期): the day the officer took up
	// the post. Zero when not given.
	Start Date
	// Rev is the version of the stored profile this value was read from
	// (empty when none is stored): a save is refused when the profile has
	// changed since, in another window or by a restore.
	Rev string
}

// MaxProfile is the longest name, post or unit, in characters.
const MaxProfile = 100

// IsZero reports whether no field is set.
func (p Profile) IsZero() bool {
	return p.Name == "" && p.Post == "" && p.Unit == "" && p.Start.IsZero()
}

// Normalize cleans the fields to one line each and checks their length.
func (p *Profile) Normalize() error {
	p.Name, p.Post, p.Unit = CleanLine(p.Name), CleanLine(p.Post), CleanLine(p.Unit)
	for _, f := range []string{p.Name, p.Post, p.Unit} {
		if utf8.RuneCountInString(f) > MaxProfile {
			return Refuse(nil, KindProfileLong, MaxProfile)
		}
	}
	return nil
}

// StartIn is the start date the profile gives to targets of year created
// after it is set (template, plan, new duty, carry): the post start date
// when it falls in that year, zero otherwise (an officer who took up the
// post in an earlier year owes every period of this one).
func (p Profile) StartIn(year int) Date {
	if p.Start.IsZero() || p.Start.Year() != year {
		return 0
	}
	return p.Start
}

package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Initials returns the pinyin initials of s, lower case: 谈心谈话 → txth.
// Latin letters and digits are kept; other characters are dropped.
func Initials(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		case unicode.Is(unicode.Han, r):
			if c, ok := initial(r); ok {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// initial is the first letter of a character's first reading. The letters
// come from the pinyin library's dictionary, generated into a table of
// read-only blocks (initials_table.go): the library builds its 40 000-entry
// map when the program starts, which cost every command, even a prompt's
// status --short, milliseconds.
func initial(r rune) (byte, bool) {
	i, found := slices.BinarySearchFunc(initialBlocks[:], r, func(b initialBlock, r rune) int {
		switch {
		case r < b.lo:
			return 1
		case r >= b.lo+rune(len(b.letters)):
			return -1
		}
		return 0
	})
	if !found {
		return 0, false
	}
	c := initialBlocks[i].letters[r-initialBlocks[i].lo]
	return c, c != '.'
}

// initialBlock holds the initials of consecutive code points from lo.
type initialBlock struct {
	lo      rune
	letters string
}

// Matches reports whether a filter typed by the officer finds text: as a
// case-insensitive part of it, or, for a filter of Latin letters, as a part
// of its pinyin initials. initials may be passed precomputed ("" computes it).
func Matches(text, initials, filter string) bool {
	filter = strings.ToLower(strings.TrimSpace(filter))
	if filter == "" {
		return true
	}
	if strings.Contains(strings.ToLower(text), filter) {
		return true
	}
	if !isLatin(filter) {
		return false
	}
	if initials == "" {
		initials = Initials(text)
	}
	return strings.Contains(initials, filter)
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

// MatchDuty finds the duty a command line names: its id (12 or #12), or a
// part of its title (or of the title's pinyin initials) that only one
// active duty has. Archived duties are looked at only when no active one
// matches. A title equal to the query wins over longer ones.
func MatchDuty(duties []Duty, q string) (Duty, error) {
	q = CleanLine(q)
	if q == "" {
		return Duty{}, Refuse(ErrNotFound, KindDutyUnnamed)
	}
	if id, err := strconv.ParseInt(strings.TrimPrefix(q, "#"), 10, 64); err == nil {
		for _, d := range duties {
			if d.ID == id {
				return d, nil
			}
		}
		return Duty{}, Refuse(ErrNotFound, KindNoDutyID, id)
	}
	lq := strings.ToLower(q)
	var found []Duty
	passes := []func(Duty) bool{
		func(d Duty) bool { return strings.Contains(strings.ToLower(d.Title), lq) },
		func(d Duty) bool { return isLatin(lq) && strings.Contains(Initials(d.Title), lq) },
	}
search:
	for _, archived := range []bool{false, true} {
		for _, pass := range passes {
			for _, d := range duties {
				if d.Archived.IsZero() != archived && pass(d) {
					found = append(found, d)
				}
			}
			if len(found) > 0 {
				break search
			}
		}
	}
	switch len(found) {
	case 0:
		return Duty{}, Refuse(ErrNotFound, KindNoDutyTitle, q)
	case 1:
		return found[0], nil
	}
	for _, d := range found {
		if strings.EqualFold(d.Title, q) {
			return d, nil
		}
	}
	var named []string
	for _, d := range found[:min(8, len(found))] {
		named = append(named, fmt.Sprintf("%d %s", d.ID, d.Title))
	}
	if len(found) > 8 {
		return Duty{}, Refuse(ErrAmbiguous, KindAmbiguousMore, q, named, len(found))
	}
	return Duty{}, Refuse(ErrAmbiguous, KindAmbiguous, q, named)
}

package data

import (
	"encoding/binary"
	"os"
	"path/filepath"
)

// DutyTitles lists the titles of the duties not archived, in the order of
// their numbers, for shell completion. The ledger is opened read-only and
// is never created, upgraded or changed; a path that is not a readable
// ledger gives no titles.
func DutyTitles(path string) []string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if fi, err := os.Stat(abs); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	if h, err := readHeader(abs); err != nil || h == nil || binary.BigEndian.Uint32(h[68:72]) != ApplicationID {
		return nil
	}
	s, err := openDB(abs, "ro")
	if err != nil {
		return nil
	}
	defer s.Close()
	rows, err := s.db.Query(`SELECT title FROM duties WHERE archived_on IS NULL ORDER BY id`)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var titles []string
	for rows.Next() {
		var t string
		if rows.Scan(&t) == nil {
			titles = append(titles, t)
		}
	}
	return titles
}

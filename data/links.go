package data

// A record's participants linked to the people of the roster (DESIGN §3a):
// each name that stands for one person is linked to them, the name kept as
// typed, and the links read back for a year's per-person duties.

import (
	"context"
	"database/sql"
	"fmt"

	"taizhang/model"
)

// pinName links every record naming name, where the name stands for one
// person on roster r now, to that person, so that the record keeps
// pointing at them whatever the roster becomes.
func pinName(ctx context.Context, tx queryer, r model.Roster, name string) error {
	p, ok := r.Match(name)
	if !ok {
		return nil
	}
	// Only records written while the person was on the roster meant them:
	// a record that named no one on the roster then is not theirs to keep.
	var since string
	if err := tx.QueryRowContext(ctx, `SELECT created_at FROM people WHERE id = ?`, p.ID).Scan(&since); err != nil {
		return err
	}
	from := parseStamp(since)
	rows, err := tx.QueryContext(ctx, `SELECT id, participants, created_at FROM records WHERE instr(participants, ?) > 0`, name)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		var with, created string
		if err := rows.Scan(&id, &with, &created); err != nil {
			rows.Close()
			return err
		}
		if parseStamp(created).Before(from) {
			continue
		}
		for _, n := range model.People(with) {
			if n == name {
				ids = append(ids, id)
				break
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO record_people (record_id, person_id, name) VALUES (?, ?, ?)`, id, p.ID, name); err != nil {
			return err
		}
	}
	return nil
}

// linkRecord links the names of record id's participants to the people
// they stand for: a name already linked keeps its person; a name matching
// one person on the roster is linked to them; links of names no longer
// written are dropped.
func linkRecord(ctx context.Context, tx queryer, id int64, with string) error {
	old, err := recordLinks(ctx, tx, id)
	if err != nil {
		return err
	}
	names := model.People(with)
	for n := range old {
		keep := false
		for _, x := range names {
			keep = keep || x == n
		}
		if !keep {
			if _, err := tx.ExecContext(ctx, `DELETE FROM record_people WHERE record_id = ? AND name = ?`, id, n); err != nil {
				return err
			}
		}
	}
	if len(names) == 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&n); err != nil || n == 0 {
		return err
	}
	r, err := roster(ctx, tx)
	if err != nil {
		return err
	}
	for _, name := range names {
		if _, ok := old[name]; ok {
			continue
		}
		if p, ok := r.Match(name); ok {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO record_people (record_id, person_id, name) VALUES (?, ?, ?)`, id, p.ID, name); err != nil {
				return err
			}
		}
	}
	return nil
}

func recordLinks(ctx context.Context, q queryer, id int64) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, person_id FROM record_people WHERE record_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var n string
		var p int64
		if err := rows.Scan(&n, &p); err != nil {
			return nil, err
		}
		out[n] = p
	}
	return out, rows.Err()
}

// yearPeople gives the per-person duties among tracked their group's
// members and their records with the people each names (a name linked
// when it was written stands for that person; another is matched against
// the roster now), in place of their dates and credits.
func yearPeople(ctx context.Context, q queryer, year int, from, to model.Date, tracked []model.Tracked) error {
	any := false
	for _, tr := range tracked {
		any = any || tr.Target.PerPerson()
	}
	if !any {
		return nil
	}
	r, err := roster(ctx, q)
	if err != nil {
		return err
	}
	idx := r.Index()
	for i := range tracked {
		tr := &tracked[i]
		if !tr.Target.PerPerson() {
			continue
		}
		tr.Dates, tr.Credits = nil, nil
		tr.Group = r.GroupMembers(tr.Target.Each)
		if tr.Talks, err = dutyTalks(ctx, q, idx, tr.Duty.ID, year, from, to); err != nil {
			return err
		}
	}
	return nil
}

// dutyTalks reads a duty's records dated in [from, to] or naming a period
// of year, with the people they name.
func dutyTalks(ctx context.Context, q queryer, idx model.NameIndex, duty int64, year int, from, to model.Date) ([]model.NamedRecord, error) {
	links := map[int64]map[string]int64{}
	rows, err := q.QueryContext(ctx, `SELECT l.record_id, l.name, l.person_id FROM record_people l
		JOIN records r ON r.id = l.record_id WHERE r.duty_id = ?`, duty)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, person int64
		var name string
		if err := rows.Scan(&id, &name, &person); err != nil {
			rows.Close()
			return nil, err
		}
		if links[id] == nil {
			links[id] = map[string]int64{}
		}
		links[id][name] = person
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT id, date, for_period, participants FROM records
		WHERE duty_id = ? AND (date BETWEEN ? AND ? OR substr(for_period, 1, 4) = ?)`,
		duty, from.String(), to.String(), fmt.Sprintf("%04d", year))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.NamedRecord
	for rows.Next() {
		var id int64
		var date, with string
		var forPeriod sql.NullString
		if err := rows.Scan(&id, &date, &forPeriod, &with); err != nil {
			return nil, err
		}
		nr := idx.TalkOf(parseDate(date), periodOrZero(forPeriod), with)
		for k, name := range nr.Names {
			if p, ok := links[id][name]; ok {
				nr.People[k] = p
			}
		}
		out = append(out, nr)
	}
	return out, rows.Err()
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"taizhang/model"
)

// Roster returns the people, groups and memberships of the ledger.
func (s *Store) Roster(ctx context.Context) (model.Roster, error) {
	var r model.Roster
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = roster(ctx, tx)
		return err
	})
	return r, err
}

func roster(ctx context.Context, q queryer) (model.Roster, error) {
	var r model.Roster
	rows, err := q.QueryContext(ctx, `SELECT id, name, note, rev FROM people ORDER BY id`)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var p model.Person
		if err := rows.Scan(&p.ID, &p.Name, &p.Note, &p.Rev); err != nil {
			rows.Close()
			return r, err
		}
		r.People = append(r.People, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	rows, err = q.QueryContext(ctx, `SELECT name FROM groups ORDER BY id`)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var g string
		if err := rows.Scan(&g); err != nil {
			rows.Close()
			return r, err
		}
		r.Groups = append(r.Groups, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	rows, err = q.QueryContext(ctx, `SELECT m.id, m.person_id, g.name, m.joined_on, m.left_on FROM memberships m
		JOIN groups g ON g.id = m.group_id ORDER BY m.person_id, g.id, coalesce(m.joined_on, ''), m.id`)
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var m model.Membership
		var from, to sql.NullString
		if err := rows.Scan(&m.ID, &m.PersonID, &m.Group, &from, &to); err != nil {
			return r, err
		}
		m.From, m.To = dateOrZero(from), dateOrZero(to)
		r.Members = append(r.Members, m)
	}
	return r, rows.Err()
}

// groupID returns the id of group name, making it when make is set; 0
// when it does not exist and make is not set.
func groupID(ctx context.Context, q queryer, name string, create bool) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM groups WHERE name = ?`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		if !create {
			return 0, nil
		}
		res, err := q.ExecContext(ctx, `INSERT INTO groups (name, created_at) VALUES (?, ?)`, name, stamp(time.Now()))
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	return id, err
}

// EnsureGroups makes the groups that do not exist yet (a template's
// per-person duties are owed to groups the officer fills later).
func (s *Store) EnsureGroups(ctx context.Context, groups []string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, g := range groups {
			g, err := model.CheckGroup(g)
			if err != nil {
				return err
			}
			if _, err := groupID(ctx, tx, g, true); err != nil {
				return err
			}
		}
		return nil
	})
}

// Joining is a person's entry in a group: the group and the day they
// joined (zero: since before any period).
type Joining struct {
	Group string
	From  model.Date
}

// AddPerson adds a person to the roster in the groups given (made when
// new) and returns them as stored. Bad input is refused with an
// InputError and nothing is written.
func (s *Store) AddPerson(ctx context.Context, p model.Person, joins []Joining) (model.Person, error) {
	for i := range joins {
		g, err := model.CheckGroup(joins[i].Group)
		if err != nil {
			return p, err
		}
		joins[i].Group = g
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		if err := insertPerson(ctx, tx, r, &p); err != nil {
			return err
		}
		for _, j := range joins {
			if err := join(ctx, tx, p.ID, j); err != nil {
				return err
			}
		}
		return nil
	})
	return p, err
}

// insertPerson checks p against the roster r and adds it, setting its id
// and version. Records that name the person who had this name alone keep
// pointing at them once two people share it.
func insertPerson(ctx context.Context, tx *sql.Tx, r model.Roster, p *model.Person) error {
	p.ID = 0
	if err := r.NormalizePerson(p); err != nil {
		return err
	}
	if err := pinName(ctx, tx, r, p.Name); err != nil {
		return err
	}
	now := stamp(time.Now())
	p.Rev = newRev()
	res, err := tx.ExecContext(ctx, `INSERT INTO people (name, note, created_at, updated_at, rev) VALUES (?, ?, ?, ?, ?)`,
		p.Name, p.Note, now, now, p.Rev)
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

func join(ctx context.Context, tx queryer, person int64, j Joining) error {
	gid, err := groupID(ctx, tx, j.Group, true)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO memberships (person_id, group_id, joined_on) VALUES (?, ?, ?)`, person, gid, nullDate(j.From))
	return err
}

// Join puts person p, as read, in a group (made when new) from a day. A
// person already in the group is refused.
func (s *Store) Join(ctx context.Context, p model.Person, j Joining) (model.Membership, error) {
	g, err := model.CheckGroup(j.Group)
	if err != nil {
		return model.Membership{}, err
	}
	j.Group = g
	var m model.Membership
	err = s.write(ctx, func(tx *sql.Tx) error {
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := currentPerson(r, p); err != nil {
			return err
		}
		for _, x := range r.GroupsOf(p.ID) {
			if x.Group == g && (x.To.IsZero() || j.From.IsZero() || j.From <= x.To) {
				return model.RefuseField("group", model.ErrStillMember, model.KindStillMember, r.Label(p), g)
			}
		}
		if err := join(ctx, tx, p.ID, j); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT last_insert_rowid()`).Scan(&m.ID)
		m.PersonID, m.Group, m.From = p.ID, g, j.From
		return err
	})
	return m, err
}

// Leave records that person p, as read, left group g on day (their last
// day in it) and returns the membership it closed. A day before they
// joined, or a group they are not in, is refused.
func (s *Store) Leave(ctx context.Context, p model.Person, g string, day model.Date) (model.Membership, error) {
	var m model.Membership
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		if p, err = currentPerson(r, p); err != nil {
			return err
		}
		if m, err = model.CheckLeave(r.Label(p), r.GroupsOf(p.ID), model.CleanLine(g), day); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE memberships SET left_on = ? WHERE id = ? AND left_on IS NULL`, day.String(), m.ID)
		return err
	})
	return m, err
}

// UndoLeave reopens a membership Leave closed, provided it still ends
// where Leave left it.
func (s *Store) UndoLeave(ctx context.Context, m model.Membership, day model.Date) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE memberships SET left_on = NULL WHERE id = ? AND left_on = ?`, m.ID, day.String())
		return personUnchanged(res, err)
	})
}

// UndoJoin removes a membership Join made.
func (s *Store) UndoJoin(ctx context.Context, m model.Membership) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE id = ?`, m.ID)
		return personUnchanged(res, err)
	})
}

// EditPerson changes a person's name and note; p.Rev names the version the
// change was made to. It returns the person as they were and as stored.
func (s *Store) EditPerson(ctx context.Context, p model.Person) (before, after model.Person, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		if before, err = currentPerson(r, p); err != nil {
			return err
		}
		if err := r.NormalizePerson(&p); err != nil {
			return err
		}
		// Records naming them as they were written keep pointing at them.
		if err := pinName(ctx, tx, r, before.Name); err != nil {
			return err
		}
		if p.Name != before.Name {
			if err := pinName(ctx, tx, r, p.Name); err != nil {
				return err
			}
		}
		after = p
		after.Rev = newRev()
		_, err = tx.ExecContext(ctx, `UPDATE people SET name = ?, note = ?, updated_at = ?, rev = ? WHERE id = ? AND rev = ?`,
			p.Name, p.Note, stamp(time.Now()), after.Rev, p.ID, before.Rev)
		return err
	})
	return before, after, err
}

// RemovedPerson is a person taken off the roster with all they had, so
// that an undo can put them back.
type RemovedPerson struct {
	Person  model.Person
	Members []model.Membership
	Links   []link
}

type link struct {
	Record int64
	Name   string
}

// RemovePerson takes person p, as read, off the roster with their
// memberships; the records naming them keep the names as typed.
func (s *Store) RemovePerson(ctx context.Context, p model.Person) (RemovedPerson, error) {
	var out RemovedPerson
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		if out.Person, err = currentPerson(r, p); err != nil {
			return err
		}
		out.Members = r.GroupsOf(p.ID)
		rows, err := tx.QueryContext(ctx, `SELECT record_id, name FROM record_people WHERE person_id = ?`, p.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var l link
			if err := rows.Scan(&l.Record, &l.Name); err != nil {
				rows.Close()
				return err
			}
			out.Links = append(out.Links, l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM people WHERE id = ? AND rev = ?`, p.ID, p.Rev)
		return err
	})
	return out, err
}

// UndoRemovePerson puts a removed person back under their own id, with
// their memberships and the records' links to them.
func (s *Store) UndoRemovePerson(ctx context.Context, rp RemovedPerson) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		p := rp.Person
		now := stamp(time.Now())
		if _, err := tx.ExecContext(ctx, `INSERT INTO people (id, name, note, created_at, updated_at, rev) VALUES (?, ?, ?, ?, ?, ?)`,
			p.ID, p.Name, p.Note, now, now, p.Rev); err != nil {
			return model.Refuse(model.ErrChanged, model.KindRosterChanged)
		}
		for _, m := range rp.Members {
			gid, err := groupID(ctx, tx, m.Group, true)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (id, person_id, group_id, joined_on, left_on) VALUES (?, ?, ?, ?, ?)`,
				m.ID, p.ID, gid, nullDate(m.From), nullDate(m.To)); err != nil {
				return err
			}
		}
		for _, l := range rp.Links {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO record_people (record_id, person_id, name)
				SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM records WHERE id = ?)`, l.Record, p.ID, l.Name, l.Record); err != nil {
				return err
			}
		}
		return nil
	})
}

// UndoAddPerson takes a person added in this session off the roster,
// provided they are still as they were added.
func (s *Store) UndoAddPerson(ctx context.Context, p model.Person) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = ? AND rev = ?`, p.ID, p.Rev)
		return personUnchanged(res, err)
	})
}

// UndoEditPerson puts back a person's name and note before an edit.
func (s *Store) UndoEditPerson(ctx context.Context, before, after model.Person) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE people SET name = ?, note = ?, updated_at = ?, rev = ? WHERE id = ? AND rev = ?`,
			before.Name, before.Note, stamp(time.Now()), newRev(), before.ID, after.Rev)
		return personUnchanged(res, err)
	})
}

func personUnchanged(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return model.Refuse(model.ErrChanged, model.KindRosterChanged)
	}
	return nil
}

// currentPerson finds p in r, refusing it unless it is still at p.Rev.
func currentPerson(r model.Roster, p model.Person) (model.Person, error) {
	cur, ok := r.Person(p.ID)
	if !ok || p.Rev != "" && cur.Rev != p.Rev {
		return cur, model.Refuse(model.ErrChanged, model.KindPersonChanged)
	}
	return cur, nil
}

// loadRoster merges a dump's roster into the ledger's: groups that are
// missing are made, people are matched by name and note and added when
// missing, and memberships the ledger does not have are added.
func loadRoster(ctx context.Context, tx queryer, in model.Roster, out *Loaded) error {
	if len(in.Groups) == 0 && len(in.People) == 0 {
		return nil
	}
	for _, g := range in.Groups {
		g, err := model.CheckGroup(g)
		if err != nil {
			return err
		}
		if _, err := groupID(ctx, tx, g, true); err != nil {
			return err
		}
	}
	ids := map[int64]int64{} // the dump's person id → the ledger's
	for _, p := range in.People {
		have, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		var id int64
		for _, o := range have.People {
			if o.Name == model.CleanLine(p.Name) && o.Note == model.CleanLine(p.Note) {
				id = o.ID
			}
		}
		if id == 0 {
			q := model.Person{Name: p.Name, Note: p.Note}
			if err := have.NormalizePerson(&q); err != nil {
				return err
			}
			now := stamp(time.Now())
			res, err := tx.ExecContext(ctx, `INSERT INTO people (name, note, created_at, updated_at, rev) VALUES (?, ?, ?, ?, ?)`, q.Name, q.Note, now, now, newRev())
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
			out.PeopleAdded++
		}
		ids[p.ID] = id
	}
	have, err := roster(ctx, tx)
	if err != nil {
		return err
	}
	for _, m := range in.Members {
		id, ok := ids[m.PersonID]
		if !ok {
			continue
		}
		g, err := model.CheckGroup(m.Group)
		if err != nil {
			return err
		}
		if !m.From.IsZero() && !m.To.IsZero() && m.To < m.From {
			return model.Refuse(model.ErrLeaveEarly, model.KindImportMembership, g)
		}
		dup := false
		for _, x := range have.GroupsOf(id) {
			dup = dup || x.Group == g && x.From == m.From && x.To == m.To
		}
		if dup {
			continue
		}
		gid, err := groupID(ctx, tx, g, true)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (person_id, group_id, joined_on, left_on) VALUES (?, ?, ?, ?)`,
			id, gid, nullDate(m.From), nullDate(m.To)); err != nil {
			return err
		}
	}
	return nil
}

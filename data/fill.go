package data

import (
	"context"
	"database/sql"
	"errors"

	"taizhang/model"
)

// GroupFill is people to put in a group from a day, as the first run and
// template apply give them once a duty set is chosen: the groups its
// per-person duties are owed to.
type GroupFill struct {
	Group  string
	From   model.Date // zero: in the group since before any period
	People []model.Person
}

// Filled is what FillGroups did, so that it can be taken back: the
// people it added, and the memberships it gave people already on the
// roster.
type Filled struct {
	Added  []model.Person
	Joined []model.Membership
}

// errDryRun takes back a write that was only a check.
var errDryRun = errors.New("dry run")

// CheckFill refuses, as FillGroups would, fills that cannot be written,
// and writes nothing: a command that writes duties first checks the
// people it will put in their groups.
func (s *Store) CheckFill(ctx context.Context, fills []GroupFill) error {
	for _, f := range fills {
		if _, err := model.CheckGroup(f.Group); err != nil {
			return err
		}
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		var done Filled
		for _, f := range fills {
			f.Group = model.CleanLine(f.Group)
			for _, p := range f.People {
				if err := fillOne(ctx, tx, &r, f, p, &done); err != nil {
					return err
				}
			}
		}
		return errDryRun
	})
	if errors.Is(err, errDryRun) {
		return nil
	}
	return err
}

// FillGroups puts people in groups in one write. A person already on the
// roster under the same name and note joins the group (or is left as is
// when already in it); anyone else is added. Bad input (an empty group, a
// name that cannot join the roster) is refused with an InputError and
// nothing is written.
func (s *Store) FillGroups(ctx context.Context, fills []GroupFill) (Filled, error) {
	for i := range fills {
		g, err := model.CheckGroup(fills[i].Group)
		if err != nil {
			return Filled{}, err
		}
		fills[i].Group = g
	}
	var done Filled
	err := s.write(ctx, func(tx *sql.Tx) error {
		done = Filled{}
		r, err := roster(ctx, tx)
		if err != nil {
			return err
		}
		for _, f := range fills {
			for _, p := range f.People {
				if err := fillOne(ctx, tx, &r, f, p, &done); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return Filled{}, err
	}
	return done, nil
}

// fillOne puts p in group f.Group, adding them to roster r when they are
// not on it yet.
func fillOne(ctx context.Context, tx *sql.Tx, r *model.Roster, f GroupFill, p model.Person, done *Filled) error {
	p.Name, p.Note = model.CleanLine(p.Name), model.CleanLine(p.Note)
	for _, o := range r.People {
		if o.Name != p.Name || o.Note != p.Note {
			continue
		}
		for _, m := range r.GroupsOf(o.ID) {
			if m.Group == f.Group && m.To.IsZero() {
				return nil // already in the group
			}
		}
		if err := join(ctx, tx, o.ID, Joining{Group: f.Group, From: f.From}); err != nil {
			return err
		}
		m := model.Membership{PersonID: o.ID, Group: f.Group, From: f.From}
		if err := tx.QueryRowContext(ctx, `SELECT last_insert_rowid()`).Scan(&m.ID); err != nil {
			return err
		}
		r.Members = append(r.Members, m)
		done.Joined = append(done.Joined, m)
		return nil
	}
	if err := insertPerson(ctx, tx, *r, &p); err != nil {
		return err
	}
	if err := join(ctx, tx, p.ID, Joining{Group: f.Group, From: f.From}); err != nil {
		return err
	}
	r.People = append(r.People, p)
	r.Members = append(r.Members, model.Membership{PersonID: p.ID, Group: f.Group, From: f.From})
	if !r.HasGroup(f.Group) {
		r.Groups = append(r.Groups, f.Group)
	}
	done.Added = append(done.Added, p)
	return nil
}

// UndoFill takes back what FillGroups did, in one write, provided the
// people it added are still as they were added.
func (s *Store) UndoFill(ctx context.Context, f Filled) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, m := range f.Joined {
			if _, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE id = ?`, m.ID); err != nil {
				return err
			}
		}
		for _, p := range f.Added {
			res, err := tx.ExecContext(ctx, `DELETE FROM people WHERE id = ? AND rev = ?`, p.ID, p.Rev)
			if err := personUnchanged(res, err); err != nil {
				return err
			}
		}
		return nil
	})
}

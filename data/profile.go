package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"taizhang/model"
)

// Profile returns the officer's name, post, unit and post start date; all
// empty when never set.
func (s *Store) Profile(ctx context.Context) (model.Profile, error) {
	p, err := profile(ctx, s.db)
	return p, s.errOrNil(err)
}

func profile(ctx context.Context, q queryer) (model.Profile, error) {
	var p model.Profile
	var start sql.NullString
	err := q.QueryRowContext(ctx, `SELECT name, post, unit, start_date, updated_at FROM profile WHERE id = 1`).Scan(&p.Name, &p.Post, &p.Unit, &start, &p.Rev)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Profile{}, nil
	}
	p.Start = dateOrZero(start)
	return p, err
}

// SetProfile replaces the profile with p, cleaned and checked. p.Rev names
// the stored profile it was made from (its time of writing): a profile
// changed since, or brought back by a restore, is refused with ErrChanged.
// A p with no Rev replaces whatever is stored.
func (s *Store) SetProfile(ctx context.Context, p model.Profile) error {
	if err := p.Normalize(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if p.Rev != "" {
			now, err := profile(ctx, tx)
			if err != nil {
				return err
			}
			if now.Rev != p.Rev {
				return model.Refuse(model.ErrChanged, model.KindProfileChanged)
			}
		}
		return putProfile(ctx, tx, p, time.Now())
	})
}

func putProfile(ctx context.Context, q queryer, p model.Profile, now time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO profile (id, name, post, unit, start_date, updated_at) VALUES (1, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, post = excluded.post, unit = excluded.unit,
			start_date = excluded.start_date, updated_at = excluded.updated_at`,
		p.Name, p.Post, p.Unit, nullDate(p.Start), stamp(now))
	return err
}

// withProfileStart gives t, a target being created, the profile's post
// start date when it falls in t's year and t has none of its own. A start
// date that would leave the year nothing to require (after a weekly
// target's last ISO week) is not given.
func withProfileStart(ctx context.Context, q queryer, t model.Target) (model.Target, error) {
	if !t.Start.IsZero() {
		return t, nil
	}
	p, err := profile(ctx, q)
	if err != nil {
		return t, err
	}
	with := t
	with.Start = p.StartIn(t.Year)
	if with.Start.IsZero() || with.Check() != nil {
		return t, nil
	}
	return with, nil
}

// ApplyStart gives the post start date to the targets of its year that
// have no start date of their own, or still have was (the post start date
// it corrects, which an earlier apply gave them; zero for none), for
// duties still active then, and returns how many it changed: what the
// officer asks for after setting the date, instead of editing each duty.
func (s *Store) ApplyStart(ctx context.Context, start, was model.Date) (int, error) {
	var n int
	err := s.write(ctx, func(tx *sql.Tx) error {
		n = 0
		dts, err := yearDuties(ctx, tx, start.Year())
		if err != nil {
			return err
		}
		for _, dt := range dts {
			if own := dt.Target.Start; (!own.IsZero() && (own != was || own == start)) || !dt.ActiveIn(start.Year()) {
				continue
			}
			t := dt.Target
			t.Start = start
			if t.Check() != nil {
				continue // after a weekly target's last week: leave it whole
			}
			if err := putTarget(ctx, tx, t); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// StartingOn counts the targets of day's year that start on day, for
// duties active then: those a post start date applied earlier gave it.
func (s *Store) StartingOn(ctx context.Context, day model.Date) (int, error) {
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		dts, err := yearDuties(ctx, tx, day.Year())
		if err != nil {
			return err
		}
		for _, dt := range dts {
			if dt.Target.Start == day && dt.ActiveIn(day.Year()) {
				n++
			}
		}
		return nil
	})
	return n, err
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"taizhang/model"
)

// Profile returns the officer's name, post and unit; all empty when never set.
func (s *Store) Profile(ctx context.Context) (model.Profile, error) {
	p, err := profile(ctx, s.db)
	return p, s.errOrNil(err)
}

func profile(ctx context.Context, q queryer) (model.Profile, error) {
	var p model.Profile
	err := q.QueryRowContext(ctx, `SELECT name, post, unit FROM profile WHERE id = 1`).Scan(&p.Name, &p.Post, &p.Unit)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Profile{}, nil
	}
	return p, err
}

// SetProfile replaces the profile with p, cleaned and checked.
func (s *Store) SetProfile(ctx context.Context, p model.Profile) error {
	if err := p.Normalize(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error { return putProfile(ctx, tx, p, time.Now()) })
}

func putProfile(ctx context.Context, q queryer, p model.Profile, now time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO profile (id, name, post, unit, updated_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, post = excluded.post, unit = excluded.unit, updated_at = excluded.updated_at`,
		p.Name, p.Post, p.Unit, stamp(now))
	return err
}

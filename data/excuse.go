package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"taizhang/model"
)

// excuses reads the excused periods of year (0: every year) of one duty
// (0: every duty), by duty and period.
func excuses(ctx context.Context, q queryer, year int, dutyID int64) ([]model.Excuse, error) {
	var where []string
	var args []any
	if year != 0 {
		where, args = append(where, `year = ?`), append(args, year)
	}
	if dutyID != 0 {
		where, args = append(where, `duty_id = ?`), append(args, dutyID)
	}
	query := `SELECT duty_id, period, reason FROM excuses`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY duty_id, period`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Excuse
	for rows.Next() {
		var e model.Excuse
		var period string
		if err := rows.Scan(&e.DutyID, &period, &e.Reason); err != nil {
			return nil, err
		}
		ref, err := model.ParsePeriodRef(period)
		if err != nil {
			continue // not a period (a hand edit): it excuses nothing
		}
		e.Period = ref
		out = append(out, e)
	}
	return out, rows.Err()
}

// Excuses returns the excused periods of year (0: every year), by duty and
// period.
func (s *Store) Excuses(ctx context.Context, year int) ([]model.Excuse, error) {
	var out []model.Excuse
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = excuses(ctx, tx, year, 0)
		return err
	})
	return out, err
}

// dutyYear evaluates one duty in one year at m, with its records, credits
// and excuses: what an excuse is checked against.
func dutyYear(ctx context.Context, q queryer, d model.Duty, year int, m model.Moment) (model.DutyYear, bool, error) {
	t, has, err := target(ctx, q, d.ID, year)
	if err != nil || !has || !d.ActiveIn(year) {
		return model.DutyYear{}, false, err
	}
	tr := model.Tracked{Duty: d, Target: d.TargetIn(t)}
	from, to := model.Span(t.Cadence, year)
	rows, err := q.QueryContext(ctx, `SELECT date FROM records WHERE duty_id = ? AND date BETWEEN ? AND ?`, d.ID, from.String(), to.String())
	if err != nil {
		return model.DutyYear{}, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var day string
		if err := rows.Scan(&day); err != nil {
			return model.DutyYear{}, false, err
		}
		tr.Dates = append(tr.Dates, parseDate(day))
	}
	if err := rows.Err(); err != nil {
		return model.DutyYear{}, false, err
	}
	rows.Close()
	tracked := []model.Tracked{tr}
	index := map[int64]int{d.ID: 0}
	if err := yearCredits(ctx, q, year, from, to, tracked, index); err != nil {
		return model.DutyYear{}, false, err
	}
	if err := yearExcuses(ctx, q, year, tracked, index); err != nil {
		return model.DutyYear{}, false, err
	}
	if err := yearPeople(ctx, q, year, from, to, tracked); err != nil {
		return model.DutyYear{}, false, err
	}
	dy := model.Evaluate(tracked[0], m)
	dy.Duty = d
	return dy, true, nil
}

// Excuse excuses period ref of duty dutyID with reason, checked against
// the duty as it stands now, during today (model.CheckExcuse: a reason, a
// period of the duty that exists and is required, not already met). An
// excuse already there gets the new reason. It returns the excuse stored
// and the one it replaced (zero when none), for UndoExcuse.
func (s *Store) Excuse(ctx context.Context, dutyID int64, ref model.PeriodRef, reason string, today model.Date) (added, replaced model.Excuse, err error) {
	err = s.write(ctx, func(tx *sql.Tx) error {
		d, err := duty(ctx, tx, dutyID)
		if err != nil {
			return err
		}
		dy, has, err := dutyYear(ctx, tx, d, ref.Year, model.Now(today))
		if err != nil {
			return err
		}
		if !has {
			return model.Refuse(model.ErrNoTarget, model.KindExcuseNoTarget, d.Title, ref.Year)
		}
		if added, err = model.CheckExcuse(dy, ref, reason); err != nil {
			return err
		}
		if replaced, err = excuseOf(ctx, tx, dutyID, ref); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO excuses (duty_id, year, period, reason, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (duty_id, period) DO UPDATE SET reason = excluded.reason`,
			dutyID, ref.Year, ref.String(), added.Reason, stamp(time.Now()))
		return err
	})
	return added, replaced, err
}

// excuseOf reads one excuse; zero when the period is not excused.
func excuseOf(ctx context.Context, q queryer, dutyID int64, ref model.PeriodRef) (model.Excuse, error) {
	var reason string
	err := q.QueryRowContext(ctx, `SELECT reason FROM excuses WHERE duty_id = ? AND period = ?`, dutyID, ref.String()).Scan(&reason)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Excuse{}, nil
	}
	return model.Excuse{DutyID: dutyID, Period: ref, Reason: reason}, err
}

// RemoveExcuse withdraws the excuse of period ref of duty dutyID and
// returns it, for UndoRemoveExcuse. A period not excused is refused.
func (s *Store) RemoveExcuse(ctx context.Context, dutyID int64, ref model.PeriodRef) (model.Excuse, error) {
	var old model.Excuse
	err := s.write(ctx, func(tx *sql.Tx) error {
		d, err := duty(ctx, tx, dutyID)
		if err != nil {
			return err
		}
		if old, err = excuseOf(ctx, tx, dutyID, ref); err != nil {
			return err
		}
		if old.Reason == "" {
			return model.Refuse(model.ErrExcuseMissing, model.KindNotExcused, d.Title, ref)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM excuses WHERE duty_id = ? AND period = ?`, dutyID, ref.String())
		return err
	})
	return old, err
}

// UndoExcuse takes back an Excuse: the excuse it replaced comes back, or
// the period is no longer excused, provided the excuse is still as added.
func (s *Store) UndoExcuse(ctx context.Context, added, replaced model.Excuse) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var res sql.Result
		var err error
		if replaced.Reason == "" {
			res, err = tx.ExecContext(ctx, `DELETE FROM excuses WHERE duty_id = ? AND period = ? AND reason = ?`,
				added.DutyID, added.Period.String(), added.Reason)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE excuses SET reason = ? WHERE duty_id = ? AND period = ? AND reason = ?`,
				replaced.Reason, added.DutyID, added.Period.String(), added.Reason)
		}
		return excuseUnchanged(res, err)
	})
}

// UndoRemoveExcuse puts a withdrawn excuse back, provided the period has
// not been excused again since.
func (s *Store) UndoRemoveExcuse(ctx context.Context, removed model.Excuse) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := duty(ctx, tx, removed.DutyID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO excuses (duty_id, year, period, reason, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (duty_id, period) DO NOTHING`,
			removed.DutyID, removed.Period.Year, removed.Period.String(), removed.Reason, stamp(time.Now()))
		return excuseUnchanged(res, err)
	})
}

func excuseUnchanged(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return model.Refuse(model.ErrChanged, model.KindExcuseChanged)
	}
	return nil
}

// DutyYear evaluates one duty in year at m, with its records, the records
// given for its periods and its excused periods; found is false when the
// duty has no target that year or left the ledger before it.
func (s *Store) DutyYear(ctx context.Context, dutyID int64, year int, m model.Moment) (dy model.DutyYear, found bool, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		d, err := duty(ctx, tx, dutyID)
		if err != nil {
			return err
		}
		dy, found, err = dutyYear(ctx, tx, d, year, m)
		return err
	})
	return dy, found, err
}

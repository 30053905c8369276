package data

import (
	"context"
	"database/sql"
	"fmt"

	"taizhang/model"
)

// A duty added by mistake (a plan's line accepted a moment too early, a
// duty set chosen wrongly) is taken back whole: while nothing has been
// recorded for it, it never was. A duty with records is kept; archiving
// is how it leaves.

// GivenTarget is a target AddDuties gave a duty the ledger had.
type GivenTarget struct {
	DutyID int64
	Year   int
}

// RemoveDuty deletes a duty that has no records, with its targets and
// excused periods, and returns it as it was. One with records is refused
// in one sentence naming how many.
func (s *Store) RemoveDuty(ctx context.Context, id int64) (model.Duty, error) {
	var d model.Duty
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = duty(ctx, tx, id); err != nil {
			return err
		}
		return removeDuty(ctx, tx, d)
	})
	return d, err
}

// UndoAddDuties takes back what AddDuties or AddDuty added: the new duties
// and the targets given to duties already there, provided nothing has been
// recorded against them since; otherwise nothing is taken back.
func (s *Store) UndoAddDuties(ctx context.Context, a Added) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, id := range a.NewIDs {
			d, err := duty(ctx, tx, id)
			if err != nil {
				return err
			}
			if err := removeDuty(ctx, tx, d); err != nil {
				return err
			}
		}
		for _, g := range a.GivenTargets {
			d, err := duty(ctx, tx, g.DutyID)
			if err != nil {
				return err
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM records WHERE duty_id = ? AND (date GLOB ? OR for_period GLOB ?)`,
				g.DutyID, fmt.Sprintf("%04d-*", g.Year), fmt.Sprintf("%04d*", g.Year)).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return model.Refuse(nil, model.KindDutyHasRecords, d.Title, n)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM targets WHERE duty_id = ? AND year = ?`, g.DutyID, g.Year); err != nil {
				return err
			}
		}
		return nil
	})
}

// removeDuty deletes d and what hangs on it (its targets and excuses go
// with it), unless it has records.
func removeDuty(ctx context.Context, tx *sql.Tx, d model.Duty) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM records WHERE duty_id = ?`, d.ID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return model.Refuse(nil, model.KindDutyHasRecords, d.Title, n)
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM duties WHERE id = ?`, d.ID)
	return err
}

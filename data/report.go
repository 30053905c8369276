package data

import (
	"context"
	"database/sql"

	"taizhang/model"
)

// YearReport is what the year-end summary is made from, read in one
// transaction so that the counts, the records listed and the profile agree.
type YearReport struct {
	Status model.YearStatus
	// Records are the full records of the duties in Status whose dates fall
	// within the span of their year's periods and not after Status.AsOf,
	// by date then id, then those dated later that name one of the year's
	// periods as the one they were for (所属期间).
	Records []model.Record
	Profile model.Profile
	// Evidence is the evidence of those records, by record id, without
	// the files' bytes.
	Evidence map[int64][]model.Evidence
	// Since is the local date the ledger was set up (its first duty was
	// entered): records dated before it were caught up at set-up, not
	// entered late.
	Since model.Date
}

// YearReport evaluates year at moment m (model.ReportMoment) and reads the
// records and profile the summary needs.
func (s *Store) YearReport(ctx context.Context, year int, m model.Moment) (YearReport, error) {
	asOf := m.Day
	var rep YearReport
	err := s.read(ctx, func(tx *sql.Tx) error {
		tracked, err := yearTracked(ctx, tx, year)
		if err != nil {
			return err
		}
		rep.Status = model.EvaluateYear(year, m, tracked)
		if rep.Profile, err = profile(ctx, tx); err != nil {
			return err
		}
		var first sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT min(created_at) FROM duties`).Scan(&first); err != nil {
			return err
		}
		if first.Valid {
			if t := parseStamp(first.String); !t.IsZero() {
				rep.Since = model.DateOf(t.Local())
			}
		}
		if len(tracked) == 0 {
			return nil
		}
		cadence := make(map[int64]model.Cadence, len(tracked))
		for _, tr := range tracked {
			cadence[tr.Duty.ID] = tr.Target.Cadence
		}
		from, to := trackedSpan(tracked, year)
		to = min(to, asOf)
		if to >= from {
			err := eachRecord(ctx, tx, `WHERE r.date BETWEEN ? AND ? ORDER BY r.date, r.id`, []any{from.String(), to.String()}, func(r model.Record) {
				if c, ok := cadence[r.DutyID]; ok && model.PeriodIndex(c, year, r.Date) >= 0 {
					rep.Records = append(rep.Records, r)
				}
			})
			if err != nil {
				return err
			}
		}
		// Records dated later that were given for one of the year's
		// periods (the year-end report in January) count in it.
		err = eachLateRecord(ctx, tx, year, max(to, from-1), func(r model.Record) {
			if c, ok := cadence[r.DutyID]; ok && r.For.Cadence == c {
				rep.Records = append(rep.Records, r)
			}
		})
		if err != nil {
			return err
		}
		rep.Evidence, err = evidenceIn(ctx, tx, from, to)
		return err
	})
	if err != nil {
		return YearReport{}, s.dbError(err)
	}
	return rep, nil
}

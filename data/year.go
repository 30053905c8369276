package data

import (
	"context"
	"database/sql"

	"taizhang/model"
)

// YearStatus evaluates year as of asOf: the duties active that year with
// their targets, and the dates of their records, read in one transaction.
func (s *Store) YearStatus(ctx context.Context, year int, asOf model.Date) (model.YearStatus, error) {
	var tracked []model.Tracked
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		tracked, err = yearTracked(ctx, tx, year)
		return err
	})
	if err != nil {
		return model.YearStatus{}, s.dbError(err)
	}
	return model.EvaluateYear(year, asOf, tracked), nil
}

func yearTracked(ctx context.Context, q queryer, year int) ([]model.Tracked, error) {
	dts, err := yearDuties(ctx, q, year)
	if err != nil {
		return nil, err
	}
	tracked := make([]model.Tracked, 0, len(dts))
	index := make(map[int64]int, len(dts))
	var from, to model.Date
	for _, dt := range dts {
		if !dt.ActiveIn(year) {
			continue
		}
		s, e := model.Span(dt.Target.Cadence, year)
		if from.IsZero() || s < from {
			from = s
		}
		if e > to {
			to = e
		}
		index[dt.ID] = len(tracked)
		tracked = append(tracked, model.Tracked{Duty: dt.Duty, Target: dt.Target})
	}
	if len(tracked) == 0 {
		return tracked, nil
	}
	// One range scan over the covering (date, duty_id) index.
	rows, err := q.QueryContext(ctx, `SELECT duty_id, date FROM records WHERE date BETWEEN ? AND ?`, from.String(), to.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var date string
		if err := rows.Scan(&id, &date); err != nil {
			return nil, err
		}
		if i, ok := index[id]; ok {
			tracked[i].Dates = append(tracked[i].Dates, parseDate(date))
		}
	}
	return tracked, rows.Err()
}

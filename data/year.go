package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"taizhang/model"
)

// YearStatus evaluates year now, during today, as status and the app do:
// a period ending today is still open.
func (s *Store) YearStatus(ctx context.Context, year int, today model.Date) (model.YearStatus, error) {
	return s.YearStatusAt(ctx, year, model.Now(today))
}

// YearStatusAt evaluates year at moment m: the duties active that year with
// their targets, and the dates of their records, read in one transaction.
func (s *Store) YearStatusAt(ctx context.Context, year int, m model.Moment) (model.YearStatus, error) {
	var tracked []model.Tracked
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		tracked, err = yearTracked(ctx, tx, year)
		return err
	})
	if err != nil {
		return model.YearStatus{}, s.dbError(err)
	}
	return model.EvaluateYear(year, m, tracked), nil
}

func yearTracked(ctx context.Context, q queryer, year int) ([]model.Tracked, error) {
	dts, err := yearDuties(ctx, q, year)
	if err != nil {
		return nil, err
	}
	tracked := make([]model.Tracked, 0, len(dts))
	index := make(map[int64]int, len(dts))
	for _, dt := range dts {
		if !dt.ActiveIn(year) {
			continue
		}
		index[dt.ID] = len(tracked)
		tracked = append(tracked, model.Tracked{Duty: dt.Duty, Target: dt.TargetIn(dt.Target)})
	}
	if len(tracked) == 0 {
		return tracked, nil
	}
	from, to := trackedSpan(tracked, year)
	// A seek per duty of the year in the covering (duty_id, date) index,
	// which hands the rows over already grouped; a row per duty with its
	// dates joined is far cheaper to read through database/sql than a row
	// per record (measured: 3.3 ms with a row per record on the largest
	// ledger, 1.8 ms this way).
	rows, err := q.QueryContext(ctx, `SELECT duty_id, group_concat(date, ',') FROM records
		WHERE duty_id IN (SELECT duty_id FROM targets WHERE year = ?) AND date BETWEEN ? AND ?
		GROUP BY duty_id`, year, from.String(), to.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var joined string
		if err := rows.Scan(&id, &joined); err != nil {
			return nil, err
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		dates := make([]model.Date, 0, (len(joined)+1)/11)
		for len(joined) > 0 {
			day, rest, _ := strings.Cut(joined, ",")
			dates = append(dates, parseDate(day))
			joined = rest
		}
		tracked[i].Dates = dates
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if err := yearCredits(ctx, q, year, from, to, tracked, index); err != nil {
		return nil, err
	}
	if err := yearExcuses(ctx, q, year, tracked, index); err != nil {
		return nil, err
	}
	return tracked, yearPeople(ctx, q, year, from, to, tracked)
}

// yearCredits gives the tracked duties the records that name a period
// (所属期间) and are dated in the year's span or name a period of the year.
// Few records do; the partial index on for_period finds them. A record
// whose named period is not one of its duty's target that year (the
// cadence was changed since) is left out, and counts where it is dated.
func yearCredits(ctx context.Context, q queryer, year int, from, to model.Date, tracked []model.Tracked, index map[int64]int) error {
	rows, err := q.QueryContext(ctx, `SELECT r.duty_id, r.date, r.for_period, t.cadence FROM records r
		LEFT JOIN targets t ON t.duty_id = r.duty_id AND t.year = CAST(substr(r.for_period, 1, 4) AS INTEGER)
		WHERE r.for_period IS NOT NULL AND (r.date BETWEEN ? AND ? OR substr(r.for_period, 1, 4) = ?)`,
		from.String(), to.String(), fmt.Sprintf("%04d", year))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var date string
		var forPeriod, cadence sql.NullString
		if err := rows.Scan(&id, &date, &forPeriod, &cadence); err != nil {
			return err
		}
		i, ok := index[id]
		ref := periodOrZero(forPeriod)
		if !ok || ref.IsZero() || !cadence.Valid || model.Cadence(cadence.String) != ref.Cadence {
			continue
		}
		tracked[i].Credits = append(tracked[i].Credits, model.Credit{Date: parseDate(date), For: ref})
	}
	return rows.Err()
}

// yearExcuses gives the tracked duties their excused periods of year.
func yearExcuses(ctx context.Context, q queryer, year int, tracked []model.Tracked, index map[int64]int) error {
	es, err := excuses(ctx, q, year, 0)
	if err != nil {
		return err
	}
	for _, e := range es {
		if i, ok := index[e.DutyID]; ok {
			tracked[i].Excuses = append(tracked[i].Excuses, e)
		}
	}
	return nil
}

// trackedSpan is the span of days the tracked targets' periods cover.
func trackedSpan(tracked []model.Tracked, year int) (from, to model.Date) {
	for _, tr := range tracked {
		s, e := model.Span(tr.Target.Cadence, year)
		if from.IsZero() || s < from {
			from = s
		}
		to = max(to, e)
	}
	return from, to
}

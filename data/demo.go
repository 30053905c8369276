package data

import (
	"context"
	"database/sql"
	"time"

	"taizhang/model"
)

// FillDemo writes a generated sample ledger in one transaction. It refuses
// a ledger that already holds duties or records.
func (s *Store) FillDemo(ctx context.Context, dl model.DemoLedger) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM duties) + (SELECT count(*) FROM records)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return model.Invalid(nil, "台账中已有数据，示例数据只能写入空台账；请用 --db 指定一个新文件。",
				"The ledger already holds data; demo data only goes into an empty ledger, so give a new file with --db.")
		}
		now := stamp(time.Now())
		insDuty, err := tx.PrepareContext(ctx, `INSERT INTO duties (title, category, description, basis, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insDuty.Close()
		insTarget, err := tx.PrepareContext(ctx, `INSERT INTO targets (duty_id, year, cadence, min) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insTarget.Close()
		ids := make([]int64, len(dl.Duties))
		for i, d := range dl.Duties {
			if err := d.Normalize(); err != nil {
				return err
			}
			res, err := insDuty.ExecContext(ctx, d.Title, string(d.Category), d.Description, d.Basis, now, now)
			if err != nil {
				return err
			}
			if ids[i], err = res.LastInsertId(); err != nil {
				return err
			}
			for _, t := range dl.Targets[i] {
				if _, err := insTarget.ExecContext(ctx, ids[i], t.Year, string(t.Cadence), t.Min); err != nil {
					return err
				}
			}
		}
		insRecord, err := tx.PrepareContext(ctx, `INSERT INTO records (duty_id, date, topic, participants, place, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insRecord.Close()
		for _, r := range dl.Records {
			if _, err := insRecord.ExecContext(ctx, ids[r.Duty], r.Date.String(), r.Topic, r.With, r.Place, r.Note,
				stamp(r.Created), stamp(r.Updated)); err != nil {
				return err
			}
		}
		return nil
	})
}

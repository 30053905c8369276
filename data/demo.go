package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
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
			return model.Refuse(nil, model.KindLedgerNotEmpty)
		}
		now := stamp(time.Now())
		insDuty, err := tx.PrepareContext(ctx, `INSERT INTO duties (title, category, description, basis, created_at, updated_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?)`)
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
			res, err := insDuty.ExecContext(ctx, d.Title, string(d.Category), d.Description, d.Basis, now, now, newRev())
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
		insRecord, err := tx.PrepareContext(ctx, `INSERT INTO records (duty_id, date, topic, participants, place, note, created_at, updated_at, rev)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insRecord.Close()
		for _, r := range dl.Records {
			if _, err := insRecord.ExecContext(ctx, ids[r.Duty], r.Date.String(), r.Topic, r.With, r.Place, r.Note,
				stamp(r.Created), stamp(r.Updated), newRev()); err != nil {
				return err
			}
		}
		return nil
	})
}

// DemoFile returns the path of a ledger of generated sample data of the
// given size in dir, building it first if it is not there yet. Benchmarks
// use it so the largest ledger is generated once, not on every run.
func DemoFile(dir string, o model.DemoOptions) (string, error) {
	// The schema is in the name: a ledger cached by a build with another
	// schema is another file, never one this build must refuse or upgrade.
	path := filepath.Join(dir, fmt.Sprintf("taizhang-demo-s%d-%d-%d-%d-%s.db", SchemaVersion(), o.Years, o.Duties, o.Records, o.Today))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp := path + ".building"
	removeDB(tmp)
	s, err := Open(tmp)
	if err != nil {
		return "", err
	}
	err = s.FillDemo(context.Background(), model.Demo(o))
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		removeDB(tmp)
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// BenchSize is the ledger benchmarks run on: a small one by default, and
// with TAIZHANG_BENCH=big the largest an officer will have: 10 years × 300
// duties × 100 000 records, as of 22 November 2026.
func BenchSize() model.DemoOptions {
	today := model.NewDate(2026, 11, 22)
	if os.Getenv("TAIZHANG_BENCH") == "big" {
		return model.DemoOptions{Years: 10, Duties: 300, Records: 100000, Today: today, Seed: 1}
	}
	return model.DemoOptions{Years: 2, Duties: 40, Records: 2000, Today: today, Seed: 1}
}
